import { findSection, uniqueSlug, type PlaybookDocument } from './document';

/** The document with one section's title and body replaced (same place, same slug). */
export function replaceSection(doc: PlaybookDocument, slug: string, next: { title: string; body: string }): PlaybookDocument {
	if (!findSection(doc, slug)) throw new Error(`There is no section '${slug}'.`);
	return { sections: doc.sections.map((s) => (s.slug === slug ? { slug, title: next.title, body: next.body } : s)) };
}

/** The document with a new section at the end; its slug comes from the title, unique in the document. */
export function appendSection(doc: PlaybookDocument, next: { title: string; body: string }): { doc: PlaybookDocument; slug: string } {
	const slug = uniqueSlug(next.title, doc.sections.map((s) => s.slug));
	return { doc: { sections: [...doc.sections, { slug, title: next.title, body: next.body }] }, slug };
}

/** The document without one section. */
export function removeSection(doc: PlaybookDocument, slug: string): PlaybookDocument {
	return { sections: doc.sections.filter((s) => s.slug !== slug) };
}
