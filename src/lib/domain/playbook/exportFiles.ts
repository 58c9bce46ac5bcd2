/**
 * The playbooks/ folder layout: one Markdown file per section, named NN-slug.md in reading order
 * (NN starts at 01 and widens past 99 sections), holding "# Title", a blank line and the body.
 */
import { slugFromTitle, validateDocument, type PlaybookDocument, type PlaybookSection } from './document';
import { formatSectionText, parseSectionText } from './sectionText';

export interface PlaybookFile {
	path: string;
	content: string;
}

export interface ImportProblem {
	/** The file the problem is about ('' for the set as a whole). */
	path: string;
	message: string;
}

export type ImportResult = { ok: true; doc: PlaybookDocument } | { ok: false; problems: ImportProblem[] };

/** Files for a document; `folder` (like "playbooks") is put in front of each name. */
export function exportDocument(doc: PlaybookDocument, options: { folder?: string } = {}): PlaybookFile[] {
	const width = Math.max(2, String(doc.sections.length).length);
	const prefix = options.folder ? `${options.folder.replace(/\/+$/, '')}/` : '';
	return doc.sections.map((section, i) => ({
		path: `${prefix}${String(i + 1).padStart(width, '0')}-${section.slug}.md`,
		content: formatSectionText(section)
	}));
}

const FILE_NAME = /^(\d{2,})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;

function baseName(path: string): string {
	return path.replace(/\\/g, '/').split('/').pop() ?? '';
}

/** Files that are not part of a playbook and are skipped without a word. */
function isIgnored(path: string): boolean {
	const normalized = path.replace(/\\/g, '/');
	const name = baseName(normalized);
	return normalized.endsWith('/') || name === '' || name.startsWith('.') || normalized.includes('__MACOSX/') || /^readme\.md$/i.test(name);
}

function suggestedName(name: string): string {
	const stem = name.replace(/\.[^.]*$/, '');
	const number = /^\d+/.exec(stem)?.[0] ?? '01';
	return `${number.padStart(2, '0')}-${slugFromTitle(stem.replace(/^\d+[-_ ]*/, ''))}.md`;
}

/**
 * Reads a playbook back from its files: sections ordered by NN, slug from the file name, title from
 * the "# " line. Hidden files, README.md and folders are skipped; anything else that does not fit
 * is reported, and nothing is imported until every problem is fixed.
 */
export function importFiles(files: PlaybookFile[]): ImportResult {
	const problems: ImportProblem[] = [];
	const parsed: { order: number; path: string; section: PlaybookSection }[] = [];
	for (const file of files) {
		if (isIgnored(file.path)) continue;
		const name = baseName(file.path);
		const m = FILE_NAME.exec(name);
		if (!m) {
			const why = name.toLowerCase().endsWith('.md')
				? `is not named like '01-section-name.md' (two digits, a hyphen, then lower-case words joined by hyphens); rename it to something like '${suggestedName(name)}'`
				: 'is not a Markdown section file; remove it or rename it like 01-section-name.md';
			problems.push({ path: file.path, message: `File '${file.path}' ${why}.` });
			continue;
		}
		const text = parseSectionText(file.content);
		if (!text.ok) {
			problems.push({ path: file.path, message: `File '${file.path}': ${text.message}.` });
			continue;
		}
		parsed.push({ order: Number(m[1]), path: file.path, section: { slug: m[2], title: text.title, body: text.body } });
	}
	const byOrder = new Map<number, string>();
	const bySlug = new Map<string, string>();
	for (const p of parsed) {
		const sameNumber = byOrder.get(p.order);
		if (sameNumber) problems.push({ path: p.path, message: `Files '${sameNumber}' and '${p.path}' have the same number; give each section its own number.` });
		else byOrder.set(p.order, p.path);
		const sameSlug = bySlug.get(p.section.slug);
		if (sameSlug) problems.push({ path: p.path, message: `Files '${sameSlug}' and '${p.path}' have the same name after the number; each section needs its own name.` });
		else bySlug.set(p.section.slug, p.path);
	}
	if (problems.length === 0 && parsed.length === 0) {
		problems.push({ path: '', message: 'No section files were found; a playbook is a set of files named like 01-section-name.md.' });
	}
	if (problems.length > 0) return { ok: false, problems };
	parsed.sort((a, b) => a.order - b.order);
	const doc: PlaybookDocument = { sections: parsed.map((p) => p.section) };
	const invalid = validateDocument(doc);
	if (invalid.length > 0) return { ok: false, problems: invalid.map((p) => ({ path: parsed[p.index].path, message: p.message })) };
	return { ok: true, doc };
}
