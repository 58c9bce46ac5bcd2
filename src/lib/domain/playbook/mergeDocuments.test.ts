import { describe, expect, it } from 'vitest';
import type { PlaybookDocument } from './document';
import { mergeDocuments, resolveConflicts } from './mergeDocuments';

const doc = (...sections: [string, string, string][]): PlaybookDocument => ({
	sections: sections.map(([slug, title, body]) => ({ slug, title, body }))
});
const lines = (...l: string[]) => l.map((x) => `${x}\n`).join('');
const BASE = doc(['intro', 'Intro', lines('one', 'two', 'three', 'four', 'five')], ['buying', 'Buying', lines('b1', 'b2')], ['churn', 'Churn', lines('c1')]);

function edit(d: PlaybookDocument, slug: string, change: Partial<{ title: string; body: string }>): PlaybookDocument {
	return { sections: d.sections.map((s) => (s.slug === slug ? { ...s, ...change } : s)) };
}

describe('mergeDocuments: clean merges', () => {
	it('merges edits to different lines of one section', () => {
		const ours = edit(BASE, 'intro', { body: lines('ONE', 'two', 'three', 'four', 'five') });
		const theirs = edit(BASE, 'intro', { body: lines('one', 'two', 'three', 'four', 'FIVE') });
		const result = mergeDocuments(BASE, ours, theirs);
		expect(result.conflicts).toEqual([]);
		expect(result.merged.sections[0].body).toBe(lines('ONE', 'two', 'three', 'four', 'FIVE'));
	});

	it('takes identical changes once, without a conflict', () => {
		const both = edit(BASE, 'intro', { title: 'Introduction', body: lines('one', '2', 'three', 'four', 'five') });
		const result = mergeDocuments(BASE, both, structuredClone(both));
		expect(result.conflicts).toEqual([]);
		expect(result.merged).toEqual(both);
	});

	it('merges a rename on one side with a body edit on the other, and edits in different sections', () => {
		const ours = edit(edit(BASE, 'intro', { title: 'Start here' }), 'churn', { body: lines('c1', 'c2') });
		const theirs = edit(BASE, 'intro', { body: lines('one', 'two', 'three', 'four', 'five', 'six') });
		const result = mergeDocuments(BASE, ours, theirs);
		expect(result.conflicts).toEqual([]);
		expect(result.merged).toEqual(
			doc(['intro', 'Start here', lines('one', 'two', 'three', 'four', 'five', 'six')], ['buying', 'Buying', lines('b1', 'b2')], ['churn', 'Churn', lines('c1', 'c2')])
		);
	});

	it('keeps sections added on either side next to the section they follow', () => {
		const ours = { sections: [...BASE.sections.slice(0, 1), { slug: 'new-a', title: 'New A', body: 'a\n' }, ...BASE.sections.slice(1)] };
		const theirs = { sections: [...BASE.sections, { slug: 'new-b', title: 'New B', body: 'b\n' }] };
		const result = mergeDocuments(BASE, ours, theirs);
		expect(result.conflicts).toEqual([]);
		expect(result.merged.sections.map((s) => s.slug)).toEqual(['intro', 'new-a', 'buying', 'churn', 'new-b']);
	});

	it('deletes a section one side deleted and the other left alone', () => {
		const ours = { sections: BASE.sections.filter((s) => s.slug !== 'buying') };
		const theirs = edit(BASE, 'churn', { body: 'changed\n' });
		const result = mergeDocuments(BASE, ours, theirs);
		expect(result.conflicts).toEqual([]);
		expect(result.merged.sections.map((s) => s.slug)).toEqual(['intro', 'churn']);
		expect(result.merged.sections[1].body).toBe('changed\n');
	});

	it('takes a reorder from one side while the other edits', () => {
		const ours = { sections: [BASE.sections[2], BASE.sections[0], BASE.sections[1]] };
		const theirs = edit(BASE, 'buying', { body: 'new\n' });
		const result = mergeDocuments(BASE, ours, theirs);
		expect(result.conflicts).toEqual([]);
		expect(result.merged.sections.map((s) => [s.slug, s.body])).toEqual([
			['churn', lines('c1')],
			['intro', lines('one', 'two', 'three', 'four', 'five')],
			['buying', 'new\n']
		]);
	});

	it('combines two reorders that touch different sections', () => {
		const base = doc(['a', 'A', ''], ['b', 'B', ''], ['c', 'C', ''], ['d', 'D', ''], ['e', 'E', '']);
		const ours = doc(['b', 'B', ''], ['a', 'A', ''], ['c', 'C', ''], ['d', 'D', ''], ['e', 'E', '']);
		const theirs = doc(['a', 'A', ''], ['b', 'B', ''], ['c', 'C', ''], ['e', 'E', ''], ['d', 'D', '']);
		const result = mergeDocuments(base, ours, theirs);
		expect(result.conflicts).toEqual([]);
		expect(result.merged.sections.map((s) => s.slug)).toEqual(['b', 'a', 'c', 'e', 'd']);
	});

	it('adds the same new section on both sides once when identical', () => {
		const added = { slug: 'faq', title: 'FAQ', body: 'q\n' };
		const result = mergeDocuments(BASE, { sections: [...BASE.sections, added] }, { sections: [...BASE.sections, { ...added }] });
		expect(result.conflicts).toEqual([]);
		expect(result.merged.sections.map((s) => s.slug)).toEqual(['intro', 'buying', 'churn', 'faq']);
	});

	it('copes with lines that are Object.prototype keys and bodies without a final line break', () => {
		const base = doc(['a', 'A', 'constructor\n__proto__\ntoString\nx\ny']);
		const ours = doc(['a', 'A', 'constructor!\n__proto__\ntoString\nx\ny']);
		const theirs = doc(['a', 'A', 'constructor\n__proto__\ntoString\nx\nY']);
		const result = mergeDocuments(base, ours, theirs);
		expect(result.conflicts).toEqual([]);
		expect(result.merged.sections[0].body).toBe('constructor!\n__proto__\ntoString\nx\nY');
	});
});

describe('mergeDocuments: conflicts', () => {
	it('turns the same line changed on both sides into a conflict with base, ours and theirs', () => {
		const ours = edit(BASE, 'intro', { body: lines('one', 'TWO (ours)', 'three', 'four', 'five') });
		const theirs = edit(BASE, 'intro', { body: lines('one', 'two (theirs)', 'three', 'four', 'FIVE') });
		const result = mergeDocuments(BASE, ours, theirs, { labels: { ours: 'the playbook', theirs: 'this proposal' } });
		expect(result.conflicts).toEqual([
			{
				id: 'body:intro:0',
				kind: 'body',
				slug: 'intro',
				message: "The playbook and this proposal both changed line 2 of 'Intro'.",
				base: 'two\n',
				ours: 'TWO (ours)\n',
				theirs: 'two (theirs)\n'
			}
		]);
		expect(result.merged.sections[0].body).toBe(
			lines('one', '<<<<<<< the playbook', 'TWO (ours)', '||||||| base', 'two', '=======', 'two (theirs)', '>>>>>>> this proposal', 'three', 'four', 'FIVE')
		);
		const resolved = resolveConflicts(result, { 'body:intro:0': 'theirs' });
		expect(resolved.conflicts).toEqual([]);
		expect(resolved.merged.sections[0].body).toBe(lines('one', 'two (theirs)', 'three', 'four', 'FIVE'));
		const custom = resolveConflicts(result, { 'body:intro:0': { custom: 'two, agreed' } });
		expect(custom.merged.sections[0].body).toBe(lines('one', 'two, agreed', 'three', 'four', 'FIVE'));
		expect(resolveConflicts(result, { 'body:intro:0': 'ours' }).merged.sections[0].body).toBe(lines('one', 'TWO (ours)', 'three', 'four', 'FIVE'));
	});

	it('treats edits to adjacent lines as a conflict, as git does', () => {
		const ours = edit(BASE, 'intro', { body: lines('one', 'TWO', 'three', 'four', 'five') });
		const theirs = edit(BASE, 'intro', { body: lines('one', 'two', 'THREE', 'four', 'five') });
		const result = mergeDocuments(BASE, ours, theirs);
		expect(result.conflicts).toHaveLength(1);
		expect(result.conflicts[0]).toMatchObject({ base: lines('two', 'three'), ours: lines('TWO', 'three'), theirs: lines('two', 'THREE') });
		expect(result.conflicts[0].message).toBe("Ours and theirs both changed lines 2–3 of 'Intro'.");
	});

	it('conflicts when both sides insert different lines at the same place', () => {
		const ours = edit(BASE, 'churn', { body: lines('c1', 'ours') });
		const theirs = edit(BASE, 'churn', { body: lines('c1', 'theirs') });
		const [conflict] = mergeDocuments(BASE, ours, theirs).conflicts;
		expect(conflict).toMatchObject({ base: '', ours: 'ours\n', theirs: 'theirs\n', message: "Ours and theirs both changed the text after line 1 of 'Churn'." });
	});

	it('conflicts when one side deletes a section the other edited, and never drops the edit silently', () => {
		const ours = edit(BASE, 'buying', { body: lines('b1', 'b2', 'b3') });
		const theirs = { sections: BASE.sections.filter((s) => s.slug !== 'buying') };
		const result = mergeDocuments(BASE, ours, theirs);
		expect(result.conflicts).toEqual([
			{
				id: 'section:buying',
				kind: 'section',
				slug: 'buying',
				message: "Ours changed section 'Buying', but theirs deleted it.",
				base: '# Buying\n\nb1\nb2\n',
				ours: '# Buying\n\nb1\nb2\nb3\n',
				theirs: null
			}
		]);
		expect(result.merged.sections.map((s) => s.slug)).toEqual(['intro', 'buying', 'churn']);
		expect(resolveConflicts(result, { 'section:buying': 'theirs' }).merged.sections.map((s) => s.slug)).toEqual(['intro', 'churn']);
		expect(resolveConflicts(result, { 'section:buying': 'ours' }).merged.sections[1]).toEqual({ slug: 'buying', title: 'Buying', body: lines('b1', 'b2', 'b3') });
		const custom = resolveConflicts(result, { 'section:buying': { custom: '# Buying, shorter\n\nb3\n' } });
		expect(custom.merged.sections[1]).toEqual({ slug: 'buying', title: 'Buying, shorter', body: 'b3\n' });
		expect(resolveConflicts(result, { 'section:buying': { custom: '  ' } }).merged.sections).toHaveLength(2);
	});

	it('conflicts the other way round too (ours deletes, theirs renames)', () => {
		const ours = { sections: BASE.sections.filter((s) => s.slug !== 'churn') };
		const theirs = edit(BASE, 'churn', { title: 'Churn risk' });
		const [conflict] = mergeDocuments(BASE, ours, theirs).conflicts;
		expect(conflict).toMatchObject({ kind: 'section', ours: null, theirs: '# Churn risk\n\nc1\n', message: "Theirs changed section 'Churn risk', but ours deleted it." });
	});

	it('conflicts when both add a section with the same slug but different text', () => {
		const ours = { sections: [...BASE.sections, { slug: 'faq', title: 'FAQ', body: 'ours\n' }] };
		const theirs = { sections: [...BASE.sections, { slug: 'faq', title: 'Questions', body: 'theirs\n' }] };
		const result = mergeDocuments(BASE, ours, theirs);
		expect(result.conflicts.map((c) => [c.id, c.kind, c.base, c.ours, c.theirs, c.message])).toEqual([
			['title:faq', 'title', null, 'FAQ', 'Questions', "Ours and theirs both added section 'faq', titled 'FAQ' and 'Questions'."],
			['body:faq:0', 'body', '', 'ours\n', 'theirs\n', "Ours and theirs both added section 'FAQ' with different text."]
		]);
		const resolved = resolveConflicts(result, { 'title:faq': 'theirs', 'body:faq:0': { custom: 'ours\ntheirs\n' } });
		expect(resolved.conflicts).toEqual([]);
		expect(resolved.merged.sections[3]).toEqual({ slug: 'faq', title: 'Questions', body: 'ours\ntheirs\n' });
	});

	it('conflicts on titles renamed differently', () => {
		const result = mergeDocuments(BASE, edit(BASE, 'intro', { title: 'Start' }), edit(BASE, 'intro', { title: 'Welcome' }));
		expect(result.conflicts).toEqual([
			{ id: 'title:intro', kind: 'title', slug: 'intro', message: "Ours renamed section 'Intro' to 'Start', theirs to 'Welcome'.", base: 'Intro', ours: 'Start', theirs: 'Welcome' }
		]);
		const bad = resolveConflicts(result, { 'title:intro': { custom: '   ' } });
		expect(bad.conflicts[0].problem).toBe('The title is empty; give the section a short name.');
		expect(resolveConflicts(bad, { 'title:intro': { custom: ' Hello ' } }).merged.sections[0].title).toBe('Hello');
	});

	it('conflicts when both sides reorder the same sections differently', () => {
		const base = doc(['a', 'A', ''], ['b', 'B', ''], ['c', 'C', '']);
		const ours = doc(['c', 'C', ''], ['a', 'A', ''], ['b', 'B', '']);
		const theirs = doc(['b', 'B', ''], ['c', 'C', ''], ['a', 'A', '']);
		const result = mergeDocuments(base, ours, theirs);
		expect(result.conflicts).toEqual([
			{ id: 'order', kind: 'order', slug: null, message: 'Ours and theirs both reordered the sections, differently.', base: 'a\nb\nc', ours: 'c\na\nb', theirs: 'b\nc\na' }
		]);
		expect(result.merged.sections.map((s) => s.slug)).toEqual(['c', 'a', 'b']);
		expect(resolveConflicts(result, { order: 'theirs' }).merged.sections.map((s) => s.slug)).toEqual(['b', 'c', 'a']);
		expect(resolveConflicts(result, { order: { custom: 'b\na' } }).merged.sections.map((s) => s.slug)).toEqual(['b', 'a', 'c']);
		expect(resolveConflicts(result, { order: { custom: 'zzz' } }).conflicts[0].problem).toContain('zzz');
	});

	it('resolves step by step: unresolved conflicts stay, with stable ids', () => {
		const ours = edit(BASE, 'intro', { title: 'X', body: lines('ONE', 'two', 'three', 'four', 'FIVE!') });
		const theirs = edit(BASE, 'intro', { title: 'Y', body: lines('uno', 'two', 'three', 'four', 'five?') });
		const result = mergeDocuments(BASE, ours, theirs);
		expect(result.conflicts.map((c) => c.id)).toEqual(['title:intro', 'body:intro:0', 'body:intro:1']);
		const step = resolveConflicts(result, { 'body:intro:1': 'ours', unknown: 'ours' });
		expect(step.conflicts.map((c) => c.id)).toEqual(['title:intro', 'body:intro:0']);
		const done = resolveConflicts(step, { 'title:intro': 'ours', 'body:intro:0': 'theirs' });
		expect(done.conflicts).toEqual([]);
		expect(done.merged.sections[0]).toEqual({ slug: 'intro', title: 'X', body: lines('uno', 'two', 'three', 'four', 'FIVE!') });
		expect(JSON.parse(JSON.stringify(done))).toEqual(done);
	});

	it('is symmetric: swapping sides swaps ours and theirs in every conflict', () => {
		const ours = edit(edit(BASE, 'intro', { body: lines('one', 'A', 'three', 'four', 'five') }), 'churn', { title: 'C1' });
		const theirs = edit(edit(BASE, 'intro', { body: lines('one', 'B', 'three', 'four', 'five') }), 'churn', { title: 'C2' });
		const a = mergeDocuments(BASE, ours, theirs).conflicts;
		const b = mergeDocuments(BASE, theirs, ours).conflicts;
		expect(b.map((c) => [c.id, c.base, c.theirs, c.ours])).toEqual(a.map((c) => [c.id, c.base, c.ours, c.theirs]));
	});
});

describe('mergeDocuments: properties over generated documents', () => {
	it('returns the changed side when only one side changed, and either side when both made the same change', async () => {
		const { generateDocument } = await import('./testDocuments');
		for (let seed = 1; seed <= 200; seed++) {
			const base = generateDocument(seed);
			const changed = generateDocument(seed + 1000);
			for (const [o, t] of [
				[changed, base],
				[base, changed],
				[changed, changed]
			]) {
				const result = mergeDocuments(base, o, t);
				expect(result.conflicts, `seed ${seed}`).toEqual([]);
				expect(result.merged, `seed ${seed}`).toEqual(changed);
			}
		}
	});
});
