import { FIRST_YEAR, LAST_YEAR } from '../calendarDate';

/** How the dates of a column are written. ISO covers `2026-03-31`, with or without a time. */
export const DATE_FORMATS = ['iso', 'mdy', 'dmy'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

export const DATE_FORMAT_LABELS: Record<DateFormat, string> = {
	iso: 'ISO (2026-03-31)',
	mdy: 'Month first (3/31/2026)',
	dmy: 'Day first (31/3/2026)'
};

export interface ParsedDate {
	/** Calendar date, `YYYY-MM-DD`. */
	date: string;
	/** The moment, as an ISO timestamp in UTC (midnight UTC when the cell has no time). */
	at: string;
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,6}))?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
const SLASHED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?)?$/i;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function build(y: number, m: number, d: number, hh = 0, mm = 0, ss = 0, ms = 0, offset?: string): ParsedDate | null {
	if (y < FIRST_YEAR || y > LAST_YEAR || m < 1 || m > 12 || d < 1 || d > 31 || hh > 23 || mm > 59 || ss > 59) return null;
	const day = new Date(Date.UTC(y, m - 1, d));
	if (day.getUTCMonth() !== m - 1 || day.getUTCDate() !== d) return null;
	let at = Date.UTC(y, m - 1, d, hh, mm, ss, ms);
	if (offset && offset.toUpperCase() !== 'Z') {
		const sign = offset[0] === '-' ? -1 : 1;
		const digits = offset.slice(1).replace(':', '');
		at -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
	}
	return { date: `${pad(y, 4)}-${pad(m)}-${pad(d)}`, at: new Date(at).toISOString() };
}

/** Years written with two digits: 00-69 are 20xx, 70-99 are 19xx (as spreadsheets read them). */
const fullYear = (y: string) => (y.length === 4 ? Number(y) : Number(y) + (Number(y) < 70 ? 2000 : 1900));

/**
 * Reads one cell as a date in the given format; ISO dates are understood whatever the format,
 * since exports mix them in. Times without a zone are taken as UTC. Null when it is not a real date
 * in a year from 1900 to 2999 (calendarDate.ts).
 */
export function parseDate(text: string, format: DateFormat): ParsedDate | null {
	const value = text.trim();
	const iso = ISO.exec(value);
	if (iso) {
		const [, y, m, d, hh, mm, ss, frac, offset] = iso;
		const ms = frac ? Number(frac.padEnd(3, '0').slice(0, 3)) : 0;
		return build(Number(y), Number(m), Number(d), Number(hh ?? 0), Number(mm ?? 0), Number(ss ?? 0), ms, offset);
	}
	if (format === 'iso') return null;
	const slashed = SLASHED.exec(value);
	if (!slashed) return null;
	const [, a, b, y, hh, mm, ss, meridiem] = slashed;
	let hours = Number(hh ?? 0);
	if (meridiem) {
		if (hours < 1 || hours > 12) return null;
		const pm = meridiem.toLowerCase().startsWith('p');
		hours = (hours % 12) + (pm ? 12 : 0);
	}
	const [month, day] = format === 'mdy' ? [a, b] : [b, a];
	return build(fullYear(y), Number(month), Number(day), hours, Number(mm ?? 0), Number(ss ?? 0));
}

/**
 * Finds the format of a date column by looking at all its values: a first part above 12 means
 * day first, a second part above 12 means month first. Feed values one at a time (a file can
 * have millions of rows), then read `result()`.
 */
export class DateFormatDetector {
	private iso = 0;
	private dayFirst = 0;
	private monthFirst = 0;
	private slashed = 0;
	private other = 0;

	add(text: string): void {
		const value = text.trim();
		if (value === '') return;
		if (ISO.test(value)) {
			this.iso++;
			return;
		}
		const m = SLASHED.exec(value);
		if (!m) {
			this.other++;
			return;
		}
		this.slashed++;
		if (Number(m[1]) > 12 && Number(m[2]) <= 12) this.dayFirst++;
		if (Number(m[2]) > 12 && Number(m[1]) <= 12) this.monthFirst++;
	}

	/**
	 * The format and how sure it is: `ambiguous` when every slashed date would read both ways
	 * (month first is assumed then), `conflicting` when some values say day first and others month first.
	 */
	result(): { format: DateFormat | null; ambiguous: boolean; conflicting: boolean; seen: number } {
		const seen = this.iso + this.slashed + this.other;
		if (this.slashed === 0) return { format: this.iso > 0 ? 'iso' : null, ambiguous: false, conflicting: false, seen };
		const conflicting = this.dayFirst > 0 && this.monthFirst > 0;
		if (this.dayFirst > this.monthFirst) return { format: 'dmy', ambiguous: false, conflicting, seen };
		if (this.monthFirst > 0) return { format: 'mdy', ambiguous: false, conflicting, seen };
		return { format: 'mdy', ambiguous: true, conflicting: false, seen };
	}
}

/** The format of a list of values; see DateFormatDetector. */
export function detectDateFormat(values: Iterable<string>) {
	const detector = new DateFormatDetector();
	for (const v of values) detector.add(v);
	return detector.result();
}
