/**
 * Finds fenced code blocks in a Markdown body the way CommonMark does for top-level and list
 * fences (up to three spaces of indent, ``` or ~~~, closed by the same character at least as long).
 * Fences inside block quotes are not looked at.
 */

export interface FencedBlock {
	/** First word of the info string ("signal" for signal blocks), lower-cased. */
	lang: string;
	/** 1-based line of the opening fence in the body. */
	line: number;
	/** 1-based line of the closing fence, or null when the block runs to the end of the body. */
	endLine: number | null;
	/** The lines between the fences, with the fence's indent removed, joined by "\n". */
	content: string;
}

const OPENING = /^( {0,3})(`{3,}|~{3,})(.*)$/;

/** Splits on "\n" and drops a trailing "\r" from each line, so CRLF bodies read the same. */
export function bodyLines(body: string): string[] {
	return body.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

export function findFencedBlocks(body: string): FencedBlock[] {
	const lines = bodyLines(body);
	const blocks: FencedBlock[] = [];
	let i = 0;
	while (i < lines.length) {
		const open = OPENING.exec(lines[i]);
		if (!open || (open[2][0] === '`' && open[3].includes('`'))) {
			i++;
			continue;
		}
		const indent = open[1].length;
		const fence = open[2];
		const lang = open[3].trim().split(/\s+/)[0].toLowerCase();
		const closing = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
		const content: string[] = [];
		let j = i + 1;
		while (j < lines.length && !closing.test(lines[j])) {
			content.push(stripIndent(lines[j], indent));
			j++;
		}
		const closed = j < lines.length;
		blocks.push({ lang, line: i + 1, endLine: closed ? j + 1 : null, content: content.join('\n') });
		i = j + 1;
	}
	return blocks;
}

function stripIndent(line: string, indent: number): string {
	let n = 0;
	while (n < indent && line[n] === ' ') n++;
	return line.slice(n);
}
