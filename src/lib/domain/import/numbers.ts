/**
 * Reads a number the way exports write them: `12000`, `12,000.50`, `$12 000`, `12.000,50 €`,
 * `(1,200)` for a negative. Commas and dots are told apart by position: the last one followed by
 * one, two or four-plus digits is the decimal mark; groups of three are thousands.
 * Null when the text is not a number.
 */
export function parseNumber(text: string): number | null {
	let value = text.trim().replace(/[\s\u00a0\u202f']/g, '');
	let negative = false;
	if (/^\(.*\)$/.test(value)) {
		negative = true;
		value = value.slice(1, -1);
	}
	value = value.replace(/^[$€£¥]|[$€£¥]$|^(USD|EUR|GBP)|(USD|EUR|GBP)$/gi, '');
	if (value.startsWith('-')) {
		negative = !negative;
		value = value.slice(1);
	} else if (value.startsWith('+')) value = value.slice(1);
	value = value.replace(/^[$€£¥]/, '');
	if (!/^[\d.,]+$/.test(value) || !/\d/.test(value)) return null;
	const lastMark = Math.max(value.lastIndexOf('.'), value.lastIndexOf(','));
	let whole = value;
	let fraction = '';
	if (lastMark >= 0) {
		const after = value.slice(lastMark + 1);
		const mark = value[lastMark];
		const marks = value.split(mark).length - 1;
		const isDecimal = after.length !== 3 || (marks === 1 && value.includes(mark === '.' ? ',' : '.')) || /^0\d*[.,]/.test(value);
		if (isDecimal) {
			whole = value.slice(0, lastMark);
			fraction = after;
		}
	}
	const groups = whole.split(/[.,]/);
	if (groups.length > 1 && (groups.slice(1).some((g) => g.length !== 3) || groups[0].length === 0 || groups[0].length > 3)) return null;
	const digits = groups.join('') + (fraction ? `.${fraction}` : '');
	if (!/^\d+(\.\d+)?$/.test(digits)) return null;
	const n = Number(digits);
	return negative ? -n : n;
}

/** A whole, non-negative amount of dollars (rounded), or a reason it is not one. */
export function parseMoney(text: string): { ok: true; value: number } | { ok: false; reason: string } {
	const n = parseNumber(text);
	if (n === null) return { ok: false, reason: `"${text.trim()}" is not a number; write it like 12000 or 12,000.50` };
	if (n < 0) return { ok: false, reason: `${text.trim()} is negative; amounts are zero or more` };
	if (n > 2_000_000_000) return { ok: false, reason: `${text.trim()} is more than 2,000,000,000, the largest amount we store` };
	return { ok: true, value: Math.round(n) };
}
