import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findDuplicateCandidates, type DedupRecord } from './duplicateCandidates';
import { nameSimilarity, trigramsOf } from './similarity';

describe('nameSimilarity', () => {
	it('is pg_trgm’s trigram similarity', () => {
		expect([...trigramsOf('Jon')].sort()).toEqual(['  j', ' jo', 'jon', 'on ']);
		expect(nameSimilarity('Jon Smith', 'John Smith')).toBeCloseTo(8 / 13);
		expect(nameSimilarity('acme corp', 'acme corpp')).toBeCloseTo(0.75);
		expect(nameSimilarity('Smith LLC', 'Smith Group')).toBeCloseTo(6 / 16);
		expect(nameSimilarity('ACME, Inc.', 'acme inc')).toBe(1);
		expect(nameSimilarity('', 'x')).toBe(0);
	});
});

describe('findDuplicateCandidates', () => {
	it('pairs shared keys with the first record of the key, and similar names within a group', () => {
		const records: DedupRecord[] = [
			{ id: '1', name: 'Ana Lopez', key: 'ana@acme.com', group: 'acme' },
			{ id: '2', name: 'A. Lopez', key: 'ana@acme.com', group: 'globex' },
			{ id: '3', name: 'Ana Lopez', key: 'ana@acme.com', group: 'acme' },
			{ id: '4', name: 'Jon Smith', key: null, group: 'acme' },
			{ id: '5', name: 'John Smith', key: null, group: 'acme' },
			{ id: '6', name: 'John Smith', key: null, group: 'globex' }
		];
		const { pairs, involved } = findDuplicateCandidates(records, 0.6);
		expect(pairs).toEqual([
			{ a: '1', b: '2', reason: 'key', similarity: 1 },
			{ a: '1', b: '3', reason: 'key', similarity: 1 },
			{ a: '4', b: '5', reason: 'name', similarity: 8 / 13 }
		]);
		expect(involved).toBe(5);
	});

	it('finds exactly the pairs that comparing every pair finds', () => {
		const syllables = ['an', 'ac', 'me', 'lo', 'pez', 'jo', 'hn', 'smi', 'th', 'co', 'rp'];
		const name = fc.array(fc.constantFrom(...syllables), { minLength: 1, maxLength: 4 }).chain((parts) =>
			fc.constantFrom(parts.join(''), parts.join(' '))
		);
		fc.assert(
			fc.property(fc.array(fc.record({ name, group: fc.constantFrom('a', 'b') }), { maxLength: 120 }), fc.constantFrom(0.3, 0.5, 0.6, 0.8), (raw, t) => {
				const records = raw.map((r, i) => ({ id: String(i).padStart(3, '0'), name: r.name, key: null, group: r.group }));
				const expected: string[] = [];
				for (let i = 0; i < records.length; i++)
					for (let j = i + 1; j < records.length; j++)
						if (records[i].group === records[j].group && nameSimilarity(records[i].name, records[j].name) >= t - 1e-9) expected.push(`${records[i].id}|${records[j].id}`);
				const found = findDuplicateCandidates(records, t).pairs.map((p) => `${p.a}|${p.b}`);
				expect(found.sort()).toEqual(expected.sort());
			}),
			{ numRuns: 200 }
		);
	});
});
