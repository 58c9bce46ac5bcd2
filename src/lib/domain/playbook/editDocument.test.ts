import { expect, it } from 'vitest';
import { appendSection, removeSection, replaceSection } from './editDocument';

const doc = { sections: [{ slug: 'a', title: 'A', body: 'one\n' }, { slug: 'b', title: 'B', body: 'two\n' }] };

it('replaces a section in place and refuses an unknown one', () => {
	expect(replaceSection(doc, 'b', { title: 'Bee', body: 'deux\n' }).sections).toEqual([doc.sections[0], { slug: 'b', title: 'Bee', body: 'deux\n' }]);
	expect(() => replaceSection(doc, 'zz', { title: 'x', body: '' })).toThrow(/no section/);
});

it('appends a section with a unique slug from its title, and removes one', () => {
	const added = appendSection(doc, { title: 'A', body: 'new\n' });
	expect(added.slug).not.toBe('a');
	expect(added.doc.sections.at(-1)).toEqual({ slug: added.slug, title: 'A', body: 'new\n' });
	expect(removeSection(doc, 'a').sections.map((s) => s.slug)).toEqual(['b']);
});
