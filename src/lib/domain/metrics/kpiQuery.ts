/** The KPI dashboard's choices, read from the URL: a range of whole months and a segment. */
import { z } from 'zod';
import { addMonths, listMonths } from './kpis';
import { FIRST_MONTH, isCalendarMonth, YEAR_RANGE } from '../calendarDate';

export const MAX_MONTHS = 36;

export interface KpiQuery {
	from: string;
	to: string;
	plan: string;
	industry: string;
	size: string;
	owner: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const currentMonth = (now: Date) => now.toISOString().slice(0, 7);

/** `n` months before `month`, but not before 1900-01 (calendarDate.ts). */
const monthsBefore = (month: string, n: number) => {
	const from = addMonths(month, -n);
	return from < FIRST_MONTH ? FIRST_MONTH : from;
};

/**
 * The query, with the last twelve months (this one included) by default. Anything unusable is
 * replaced by its default and explained in `problems`, so the page still shows figures.
 */
export function readKpiQuery(params: URLSearchParams, now: Date): { query: KpiQuery; problems: string[] } {
	const problems: string[] = [];
	const to0 = currentMonth(now);
	const pick = (name: string) => (params.get(name) ?? '').trim();
	let to = pick('to') || to0;
	if (!isCalendarMonth(to)) {
		problems.push(`“${to}” is not a month: use YYYY-MM with a year ${YEAR_RANGE}, e.g. ${to0}. Showing up to ${to0}.`);
		to = to0;
	}
	let from = pick('from') || monthsBefore(to, 11);
	if (!isCalendarMonth(from)) {
		problems.push(`“${from}” is not a month: use YYYY-MM with a year ${YEAR_RANGE}. Showing the twelve months up to ${to}.`);
		from = monthsBefore(to, 11);
	}
	if (from > to) {
		problems.push(`The period starts (${from}) after it ends (${to}): showing the twelve months up to ${to}.`);
		from = monthsBefore(to, 11);
	}
	if (listMonths(from, to).length > MAX_MONTHS) {
		problems.push(`Pick at most ${MAX_MONTHS} months: showing the ${MAX_MONTHS} up to ${to}.`);
		from = monthsBefore(to, MAX_MONTHS - 1);
	}
	let owner = pick('owner');
	if (owner && !UUID.test(owner)) {
		problems.push('That owner is not a member of this workspace: showing every owner.');
		owner = '';
	}
	return { query: { from, to, plan: pick('plan'), industry: pick('industry'), size: pick('size'), owner }, problems };
}

/** The same length of time just before practice began (the month of the first session), or null when it began before any data could precede it (1900, calendarDate.ts). */
export function beforePracticeRange(practiceStartMonth: string | null, months: number): { from: string; to: string } | null {
	if (practiceStartMonth === null || addMonths(practiceStartMonth, -months) < FIRST_MONTH) return null;
	return { from: addMonths(practiceStartMonth, -months), to: addMonths(practiceStartMonth, -1) };
}

/** An admin's monthly sales and marketing cost; an empty amount removes the month's figure. */
export const acquisitionCostInput = z.object({
	month: z.string({ error: 'Enter the month as YYYY-MM.' }).trim().refine(isCalendarMonth, `Enter the month as YYYY-MM, e.g. 2026-03, with a year ${YEAR_RANGE}.`),
	amount: z
		.string()
		.trim()
		.transform((v) => v.replace(/[$,\s]/g, ''))
		.refine((v) => v === '' || /^\d{1,10}$/.test(v), 'Enter the cost in whole dollars, e.g. 45000, or leave it empty to remove the month’s figure.')
		.transform((v) => (v === '' ? null : Number(v)))
		.refine((v) => v === null || v <= 2_000_000_000, 'That is more than this app can store for one month.')
});
