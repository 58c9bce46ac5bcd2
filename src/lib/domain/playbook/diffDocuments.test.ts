import { describe, expect, it } from 'vitest';
import { diffBodies, diffDocuments, sideBySide } from './diffDocuments';
import type { PlaybookDocument } from './document';

function signal(overrides: Record<string, string> = {}): string {
	const fields: Record<string, string> = {
		id: 'pricing-page-repeat',
		name: 'Pricing page viewed repeatedly',
		family: 'buying',
		status: 'experimental',
		rule: 'count(pricing_visit) >= 3 within 1d',
		means: 'The account is evaluating a purchase.',
		action: 'Offer a demo within one working day.',
		notify: '[sales]',
		weight: '10',
		...overrides
	};
	const lines = Object.entries(fields)
		.filter(([, v]) => v !== '')
		.map(([k, v]) => `${k}: ${v}`);
	return ['```signal', ...lines, '```', ''].join('\n');
}

const doc = (...sections: [string, string, string][]): PlaybookDocument => ({
	sections: sections.map(([slug, title, body]) => ({ slug, title, body }))
});

describe('diffDocuments', () => {
	it('finds nothing between equal documents', () => {
		const d = doc(['a', 'A', 'x\n'], ['b', 'B', 'y\n']);
		const diff = diffDocuments(d, structuredClone(d));
		expect(diff.hasChanges).toBe(false);
		expect(diff.summary).toEqual([]);
		expect(diff.sections.map((s) => s.change)).toEqual(['unchanged', 'unchanged']);
	});

	it('reports added, removed, renamed and edited sections in reading order', () => {
		const before = doc(['intro', 'Intro', 'one\ntwo\nthree\n'], ['old', 'Old', 'gone\n'], ['churn', 'Churn', 'c\n']);
		const after = doc(['intro', 'Introduction', 'one\n2\nthree\n'], ['new', 'New', 'fresh\n'], ['churn', 'Churn', 'c\n']);
		const diff = diffDocuments(before, after);
		expect(diff.sections.map((s) => [s.slug, s.change])).toEqual([
			['intro', 'changed'],
			['old', 'removed'],
			['new', 'added'],
			['churn', 'unchanged']
		]);
		const intro = diff.sections[0];
		expect(intro.previousTitle).toBe('Intro');
		expect(intro.hunks[0].lines).toEqual([
			{ kind: 'context', text: 'one', oldLine: 1, newLine: 1 },
			{ kind: 'removed', text: 'two', oldLine: 2, newLine: null },
			{ kind: 'added', text: '2', oldLine: null, newLine: 2 },
			{ kind: 'context', text: 'three', oldLine: 3, newLine: 3 }
		]);
		expect(diff.summary).toEqual([
			"Renamed section 'Intro' to 'Introduction'.",
			"Edited section 'Introduction' (1 line added, 1 removed).",
			"Removed section 'Old'.",
			"Added section 'New'."
		]);
		expect(diff.sections[2].hunks[0].lines).toEqual([{ kind: 'added', text: 'fresh', oldLine: null, newLine: 1 }]);
	});

	it('marks only the section that moved, not the ones shifted by it', () => {
		const before = doc(['a', 'A', ''], ['b', 'B', ''], ['c', 'C', ''], ['d', 'D', '']);
		const after = doc(['b', 'B', ''], ['c', 'C', ''], ['a', 'A', ''], ['d', 'D', '']);
		const diff = diffDocuments(before, after);
		expect(diff.sections.map((s) => [s.slug, s.moved])).toEqual([
			['b', null],
			['c', null],
			['a', { from: 1, to: 3 }],
			['d', null]
		]);
		expect(diff.summary).toEqual(["Moved section 'A' from position 1 to 3."]);
	});

	it('tells signal changes in words', () => {
		const before = doc(['buying', 'Buying', `intro\n\n${signal()}`]);
		const after = doc([
			'buying',
			'Buying',
			`intro\n\n${signal({ status: 'stable', rule: 'count(pricing_visit) >= 2 within 2d', weight: '15', notify: '[sales, support]' })}`
		]);
		const diff = diffDocuments(before, after);
		expect(diff.signalChanges).toEqual([
			{
				id: 'pricing-page-repeat',
				name: 'Pricing page viewed repeatedly',
				kind: 'changed',
				sectionSlug: 'buying',
				changes: ['status experimental → stable', 'threshold 3 → 2', 'window 1d → 2d', 'notify adds support', 'weight 10 → 15']
			}
		]);
		expect(diff.sections[0].signalChanges).toHaveLength(1);
		expect(diff.summary).toContain(
			"Signal 'Pricing page viewed repeatedly' (pricing-page-repeat): status experimental → stable; threshold 3 → 2; window 1d → 2d; notify adds support; weight 10 → 15."
		);
	});

	it('falls back to "rule changed", and reports added, removed and moved signals', () => {
		const before = doc(['a', 'A', signal()], ['b', 'B', signal({ id: 'old-one', name: 'Old one' })]);
		const after = doc(
			['a', 'A', ''],
			['b', 'B', `${signal({ rule: 'count(demo_click) >= 3 within 1d', notify: '[]', template: 'demo-offer' })}\n${signal({ id: 'new-one', name: 'New one' })}`]
		);
		const changes = diffDocuments(before, after).signalChanges;
		expect(changes).toEqual([
			{
				id: 'pricing-page-repeat',
				name: 'Pricing page viewed repeatedly',
				kind: 'changed',
				sectionSlug: 'b',
				changes: [
					"moved from section 'a' to 'b'",
					'rule changed: count(pricing_visit) >= 3 within 1d → count(demo_click) >= 3 within 1d',
					'notify drops sales',
					'template added: demo-offer'
				]
			},
			{ id: 'new-one', name: 'New one', kind: 'added', sectionSlug: 'b', changes: ['signal added'] },
			{ id: 'old-one', name: 'Old one', kind: 'removed', sectionSlug: 'b', changes: ['signal removed'] }
		]);
	});

	it('still compares a signal whose block became invalid', () => {
		const before = doc(['a', 'A', signal()]);
		const after = doc(['a', 'A', signal({ status: 'someday' })]);
		expect(diffDocuments(before, after).signalChanges[0].changes).toEqual(['status experimental → someday']);
	});
});

describe('diffBodies and sideBySide', () => {
	it('marks a missing final line break', () => {
		const hunks = diffBodies('a\nb', 'a\nb\n');
		expect(hunks[0].lines).toEqual([
			{ kind: 'context', text: 'a', oldLine: 1, newLine: 1 },
			{ kind: 'removed', text: 'b', oldLine: 2, newLine: null, noNewlineAtEnd: true },
			{ kind: 'added', text: 'b', oldLine: null, newLine: 2 }
		]);
	});

	it('numbers hunks from 1 for an empty side', () => {
		expect(diffBodies('', 'x\n')[0]).toMatchObject({ oldStart: 1, newStart: 1, newLines: 1 });
		expect(diffBodies('x\n', 'x\n')).toEqual([]);
	});

	it('pairs removed and added lines side by side', () => {
		const [hunk] = diffBodies('a\nb\nc\nd\n', 'a\nB\nC\nX\nd\n');
		const rows = sideBySide(hunk).map((r) => [r.left?.text ?? null, r.right?.text ?? null]);
		expect(rows).toEqual([
			['a', 'a'],
			['b', 'B'],
			['c', 'C'],
			[null, 'X'],
			['d', 'd']
		]);
	});

	it('keeps context small around distant changes', () => {
		const before = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';
		const after = before.replace('line 2\n', 'line two\n').replace('line 28\n', 'line twenty-eight\n');
		const hunks = diffBodies(before, after, { context: 1 });
		expect(hunks.map((h) => [h.oldStart, h.oldLines])).toEqual([
			[1, 3],
			[27, 3]
		]);
	});
});
