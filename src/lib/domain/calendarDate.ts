/**
 * What the app accepts as a date, everywhere one is typed, linked or sent: a real calendar day
 * (2026-02-30 is not one, it is not rolled over to 2 March) in a year from 1900 to 2999.
 * PostgreSQL cannot store year 0 or years past 9999, and the ends of periods computed from a date
 * (the next day, the next month, a year's window) must stay storable too; the range also keeps
 * every year four digits long, so dates and months compare as text.
 */

export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2999;
/** For messages: "between 1900 and 2999". */
export const YEAR_RANGE = `between ${FIRST_YEAR} and ${LAST_YEAR}`;
export const FIRST_MONTH = `${FIRST_YEAR}-01`;
export const LAST_MONTH = `${LAST_YEAR}-12`;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** As a datetime-local input sends it. */
const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)$/;

const isYearInRange = (year: number) => year >= FIRST_YEAR && year <= LAST_YEAR;

/** True for a valid instant whose UTC year is from 1900 to 2999. */
export function isInYearRange(at: Date): boolean {
	return !Number.isNaN(at.getTime()) && isYearInRange(at.getUTCFullYear());
}

/** True for `YYYY-MM-DD` naming a day of the calendar in range. */
export function isCalendarDay(text: string): boolean {
	const match = DAY.exec(text);
	if (!match) return false;
	const [year, month, day] = match.slice(1).map(Number);
	if (!isYearInRange(year) || month < 1 || month > 12 || day < 1) return false;
	return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True for `YYYY-MM` naming a month in range. */
export function isCalendarMonth(text: string): boolean {
	const match = MONTH.exec(text);
	return match !== null && isYearInRange(Number(match[1]));
}

/** The instant of `YYYY-MM-DDTHH:MM` (a datetime-local input's value), read as UTC; null unless it is a real day and time in range. */
export function readLocalDateTime(text: string): Date | null {
	const match = LOCAL_DATE_TIME.exec(text);
	return match && isCalendarDay(match[1]) ? new Date(`${text}:00Z`) : null;
}

/**
 * True when an ISO 8601 date-time (already checked for its form, e.g. by zod's `z.iso.datetime`)
 * names a real day and an instant in range.
 */
export function isDateTimeInRange(text: string): boolean {
	return isCalendarDay(text.slice(0, 10)) && isInYearRange(new Date(text));
}
