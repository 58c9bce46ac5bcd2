/**
 * The living playbook as data: an ordered list of sections, each a Markdown body that may hold
 * signal blocks (see signalBlock.ts). Pure code: no IO, no framework.
 */

export interface PlaybookSection {
	/** URL-safe, unique in the document; also the file name on export (`NN-slug.md`). */
	slug: string;
	/** One line, shown as the section heading. */
	title: string;
	/** Markdown, kept exactly as written (trailing newlines included). */
	body: string;
}

export interface PlaybookDocument {
	sections: PlaybookSection[];
}

export interface DocumentProblem {
	/** Index of the section in the document, when the problem belongs to one. */
	index: number;
	slug: string;
	field: 'slug' | 'title';
	message: string;
}

export const SLUG_MAX_LENGTH = 60;
export const TITLE_MAX_LENGTH = 120;

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Lower-case letters and digits joined by single hyphens: safe in URLs and file names. */
export function isValidSlug(slug: string): boolean {
	return slug.length <= SLUG_MAX_LENGTH && SLUG_PATTERN.test(slug);
}

/** "Churn risk: early signs" -> "churn-risk-early-signs"; falls back to "section". */
export function slugFromTitle(title: string): string {
	const slug = title
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, SLUG_MAX_LENGTH)
		.replace(/-+$/g, '');
	return slug || 'section';
}

/** A slug based on `title` that no section in `taken` uses yet ("pricing", "pricing-2", ...). */
export function uniqueSlug(title: string, taken: Iterable<string>): string {
	const used = new Set(taken);
	const base = slugFromTitle(title);
	if (!used.has(base)) return base;
	for (let n = 2; ; n++) {
		const suffix = `-${n}`;
		const candidate = base.slice(0, SLUG_MAX_LENGTH - suffix.length).replace(/-+$/, '') + suffix;
		if (!used.has(candidate)) return candidate;
	}
}

/** Why a title cannot be used, or null when it can. */
export function titleProblem(title: string): string | null {
	if (title.trim() === '') return 'the title is empty; give the section a short name';
	if (/[\r\n]/.test(title)) return 'the title has a line break; keep it on one line';
	if (title !== title.trim()) return 'the title starts or ends with spaces; remove them';
	if (title.length > TITLE_MAX_LENGTH) return `the title is longer than ${TITLE_MAX_LENGTH} characters; shorten it`;
	return null;
}

/** Why a slug cannot be used, or null when it can. */
export function slugProblem(slug: string): string | null {
	if (slug === '') return 'the slug is empty';
	if (slug.length > SLUG_MAX_LENGTH) return `the slug is longer than ${SLUG_MAX_LENGTH} characters; shorten it`;
	if (!SLUG_PATTERN.test(slug)) {
		return `the slug '${slug}' may only use lower-case letters, digits and single hyphens (like '${slugFromTitle(slug)}')`;
	}
	return null;
}

/** Every problem that stops the document from being saved or exported; empty when it is fine. */
export function validateDocument(doc: PlaybookDocument): DocumentProblem[] {
	const problems: DocumentProblem[] = [];
	const firstIndex = new Map<string, number>();
	doc.sections.forEach((section, index) => {
		const where = `Section ${index + 1} ('${section.title.trim() || section.slug}')`;
		const slugIssue = slugProblem(section.slug);
		if (slugIssue) problems.push({ index, slug: section.slug, field: 'slug', message: `${where}: ${slugIssue}.` });
		const seen = firstIndex.get(section.slug);
		if (seen !== undefined) {
			problems.push({
				index,
				slug: section.slug,
				field: 'slug',
				message: `${where}: the slug '${section.slug}' is already used by section ${seen + 1}; slugs must be unique.`
			});
		} else {
			firstIndex.set(section.slug, index);
		}
		const titleIssue = titleProblem(section.title);
		if (titleIssue) problems.push({ index, slug: section.slug, field: 'title', message: `${where}: ${titleIssue}.` });
	});
	return problems;
}

export function findSection(doc: PlaybookDocument, slug: string): PlaybookSection | undefined {
	return doc.sections.find((s) => s.slug === slug);
}

/** Structural equality: same sections, same order, same text. */
export function documentsEqual(a: PlaybookDocument, b: PlaybookDocument): boolean {
	return (
		a.sections.length === b.sections.length &&
		a.sections.every((s, i) => sectionsEqual(s, b.sections[i]))
	);
}

export function sectionsEqual(a: PlaybookSection, b: PlaybookSection): boolean {
	return a.slug === b.slug && a.title === b.title && a.body === b.body;
}
