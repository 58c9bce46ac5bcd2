/** Small HTML helpers for the Markdown renderer. */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Escaped text with line breaks kept as <br>. */
export function escapeLines(text: string): string {
	return escapeHtml(text.trim()).replace(/\r?\n/g, '<br>');
}

const NAMED: Record<string, string> = {
	colon: ':',
	tab: '\t',
	newline: '\n',
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	sol: '/',
	num: '#',
	quest: '?',
	period: '.',
	lpar: '(',
	rpar: ')',
	excl: '!',
	nbsp: '\u00a0'
};

/**
 * Decodes character references the way a browser would before it reads a URL's scheme. Returns
 * null when a reference it does not know sits where the scheme could be (before any / ? #).
 */
function decodeReferences(text: string): string | null {
	const schemeEnd = text.search(/[/?#]/);
	let unknown = false;
	const decoded = text.replace(/&(#[xX][0-9a-fA-F]+|#\d+|[a-zA-Z][a-zA-Z0-9]*);?/g, (whole, ref: string, offset: number) => {
		if (ref[0] === '#') {
			const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
			return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
		}
		const named = NAMED[ref.toLowerCase()];
		if (named === undefined && (schemeEnd === -1 || offset < schemeEnd)) unknown = true;
		return named ?? whole;
	});
	return unknown ? null : decoded;
}

function decodeUri(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

/**
 * True for http, https and mailto URLs and for relative ones (not "//host"); false for
 * javascript:, data:, vbscript: and anything hidden behind references, escapes or spaces.
 */
export function isSafeUrl(url: string, options: { allowMailto?: boolean } = {}): boolean {
	const decoded = decodeReferences(url);
	if (decoded === null) return false;
	// Browsers drop ASCII whitespace and control characters anywhere in a scheme.
	const squeezed = decodeUri(decoded).replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
	if (/^[/\\]{2}/.test(squeezed)) return false;
	const scheme = /^([^/?#]*?):/.exec(squeezed);
	if (!scheme) return true;
	const name = scheme[1].toLowerCase();
	return name === 'http' || name === 'https' || (name === 'mailto' && options.allowMailto !== false);
}
