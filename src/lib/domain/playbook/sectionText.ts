/**
 * A section as one Markdown text: "# Title", a blank line, then the body exactly as it is. Used
 * for the files of the playbooks/ folder and for section-level merge conflicts.
 */
import { titleProblem } from './document';

export function formatSectionText(section: { title: string; body: string }): string {
	return `# ${section.title}\n\n${section.body}`;
}

export type ParsedSectionText = { ok: true; title: string; body: string } | { ok: false; message: string };

/**
 * Reads "# Title\n\nbody". Blank lines before the title and a UTF-8 byte order mark are skipped;
 * one blank line after the title belongs to the layout, everything after it is the body.
 */
export function parseSectionText(content: string): ParsedSectionText {
	let text = content.startsWith('\uFEFF') ? content.slice(1) : content;
	text = text.replace(/^(?:[ \t]*\r?\n)+/, '');
	const end = text.indexOf('\n');
	const firstLine = (end === -1 ? text : text.slice(0, end)).replace(/\r$/, '');
	const heading = /^# (.*)$/.exec(firstLine);
	if (!heading) {
		return { ok: false, message: "the first line should be the section title, written as '# Title'" };
	}
	const title = heading[1].trim();
	const problem = titleProblem(title);
	if (problem) return { ok: false, message: problem };
	let body = end === -1 ? '' : text.slice(end + 1);
	if (body.startsWith('\n')) body = body.slice(1);
	else if (body.startsWith('\r\n')) body = body.slice(2);
	return { ok: true, title, body };
}
