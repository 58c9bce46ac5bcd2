import { describe, expect, it } from 'vitest';
import { clip, combine, complement, NO_EVIDENCE, runs, type Segment } from './intervals';

const seg = (from: number, to: number, ids: number[] = []): Segment => ({
	from,
	to,
	evidence: ids.length ? () => ids.map((id) => ({ id, at: 0 })) : NO_EVIDENCE
});
const plain = (list: Segment[]) => list.map((s) => [s.from, s.to, s.evidence().map((e) => e.id)]);

describe('intervals', () => {
	it('intersects, keeping the evidence of every covering segment', () => {
		expect(plain(combine([[seg(0, 10, [1])], [seg(5, 15, [2]), seg(20, 30, [3])]], 'all'))).toEqual([[5, 10, [1, 2]]]);
		expect(combine([[seg(0, 10)], []], 'all')).toEqual([]);
		expect(combine([[seg(0, 5)], [seg(5, 10)]], 'all')).toEqual([]);
	});

	it('unites, splitting where the covering changes', () => {
		expect(plain(combine([[seg(0, 10, [1])], [seg(5, 15, [2])]], 'any'))).toEqual([
			[0, 5, [1]],
			[5, 10, [1, 2]],
			[10, 15, [2]]
		]);
		expect(combine([[], []], 'any')).toEqual([]);
	});

	it('complements within a range, touching ends included', () => {
		expect(plain(complement([seg(2, 4), seg(6, 8)], 0, 10))).toEqual([
			[0, 2, []],
			[4, 6, []],
			[8, 10, []]
		]);
		expect(plain(complement([seg(0, 10)], 0, 10))).toEqual([]);
		expect(plain(complement([], 3, 7))).toEqual([[3, 7, []]]);
		expect(plain(complement([seg(-5, 2), seg(9, 20)], 0, 10))).toEqual([[2, 9, []]]);
	});

	it('clips to a range and joins touching segments into runs that keep the first evidence', () => {
		expect(plain(clip([seg(-5, 2, [1]), seg(3, 4), seg(9, 20, [2])], 0, 10))).toEqual([
			[0, 2, [1]],
			[3, 4, []],
			[9, 10, [2]]
		]);
		expect(plain(runs([seg(0, 2, [1]), seg(2, 4, [2]), seg(5, 6, [3])]))).toEqual([
			[0, 4, [1]],
			[5, 6, [3]]
		]);
	});
});
