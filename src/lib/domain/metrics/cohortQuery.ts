/**
 * The trend review's choices, read from the URL: the KPI dashboard's period and segment
 * (kpiQuery.ts), plus which cohorts to compare and how many days before the outcome to look at.
 */
import { COMPARISONS, type Comparison } from './cohorts';
import { readKpiQuery, type KpiQuery } from './kpiQuery';

export const DEFAULT_WINDOW_DAYS = 90;
export const MAX_WINDOW_DAYS = 365;

export interface CohortQuery extends KpiQuery {
	comparison: Comparison;
	windowDays: number;
}

/** Anything unusable is replaced by its default and explained in `problems`, so the page still shows figures. */
export function readCohortQuery(params: URLSearchParams, now: Date): { query: CohortQuery; problems: string[] } {
	const { query, problems } = readKpiQuery(params, now);
	const rawComparison = (params.get('comparison') ?? '').trim();
	let comparison: Comparison = 'deals';
	if (rawComparison in COMPARISONS) comparison = rawComparison as Comparison;
	else if (rawComparison) problems.push(`“${rawComparison}” is not a comparison: pick won vs lost deals or churned vs renewed customers. Showing deals.`);
	const rawWindow = (params.get('window') ?? '').trim();
	let windowDays = DEFAULT_WINDOW_DAYS;
	if (rawWindow) {
		const n = /^\d{1,4}$/.test(rawWindow) ? Number(rawWindow) : NaN;
		if (Number.isInteger(n) && n >= 1 && n <= MAX_WINDOW_DAYS) windowDays = n;
		else problems.push(`The window must be a whole number of days from 1 to ${MAX_WINDOW_DAYS}, not “${rawWindow}”: showing ${DEFAULT_WINDOW_DAYS} days.`);
	}
	return { query: { ...query, comparison, windowDays }, problems };
}

/** The query as URL parameters, leaving out empty choices (for links and the CSV). */
export function cohortQueryParams(q: CohortQuery): URLSearchParams {
	const entries = Object.entries({ ...q, window: String(q.windowDays), windowDays: '' }).filter(([, v]) => v !== '');
	return new URLSearchParams(entries.map(([k, v]) => [k, String(v)]));
}
