/**
 * Escaping user text for Markdown we generate, so a title, note or name stays one piece of plain
 * text on its line: it cannot start a heading, list, quote or code block, close a table cell,
 * make a link (GFM autolinks included), an image, emphasis or raw HTML.
 */

/** Characters that mean something inline (CommonMark + GFM tables, strikethrough, autolinks). */
const INLINE = /[\\`*_{}[\]()<>#|~!&$]/g;

/** One line of plain text, safe anywhere inside a line (a table cell, a list item, a heading). */
export function escapeMarkdown(text: string): string {
	const oneLine = text
		.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
		.replace(/\s+/g, ' ')
		.trim();
	const escaped = oneLine
		.replace(INLINE, '\\$&')
		.replace(/:\/\//g, '\\://')
		.replace(/\b(www)\./gi, '$1\\.')
		.replace(/@/g, '\\@');
	return escapeLineStart(escaped);
}

/** Block markers only count at the start of a line (or right after a list marker). */
function escapeLineStart(text: string): string {
	const ordered = /^(\d{1,9})([.)])/.exec(text);
	if (ordered) return `${ordered[1]}\\${ordered[2]}${text.slice(ordered[0].length)}`;
	if (/^[-+=]/.test(text)) return `\\${text}`;
	return text;
}

/** A GFM table from a header row and body rows of already-escaped cells. */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
	const line = (cells: readonly string[]) => `| ${cells.map((c) => c || ' ').join(' | ')} |`;
	return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
