/**
 * One CSV cell, safe to open in a spreadsheet: a value starting with = + - @ (or a tab or carriage
 * return, which some spreadsheets strip before reading the rest as a formula) gets a leading
 * apostrophe, so it is shown as text instead of run (OWASP's advice on CSV injection). Then the
 * usual quoting: cells with a comma, quote or line break are quoted, quotes doubled.
 */
export function csvCell(value: unknown): string {
	if (value === null || value === undefined) return '';
	let text = value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value);
	if (/^[=+\-@\t\r]/.test(text) && !(typeof value === 'number')) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV line (with CRLF, as RFC 4180 and spreadsheets expect). */
export function csvLine(values: readonly unknown[]): string {
	return values.map(csvCell).join(',') + '\r\n';
}
