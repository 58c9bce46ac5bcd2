/**
 * Signal trends: weekly hit counts shaped into series per signal, per signal family or per account
 * segment, for the trends chart, its table and its CSV. Weeks start on Monday (UTC), as
 * PostgreSQL's date_trunc('week') does, and are named by that Monday ("2026-03-02").
 */
import { csvLine } from '../import/csvCell';
import { SIGNAL_FAMILIES, SIGNAL_FAMILY_LABELS, type SignalFamily } from '../playbook/signalSchema';

export const TREND_VIEWS = ['signal', 'family', 'segment'] as const;
export type TrendView = (typeof TREND_VIEWS)[number];

/** Account columns a trend can be split by. */
export const TREND_SEGMENTS = ['lifecycle', 'plan', 'industry'] as const;
export type TrendSegment = (typeof TREND_SEGMENTS)[number];
export const TREND_SEGMENT_LABELS: Record<TrendSegment, string> = { lifecycle: 'Lifecycle stage', plan: 'Plan', industry: 'Industry' };

export const DEFAULT_TREND_WEEKS = 26;
export const MAX_TREND_WEEKS = 104;

/** One row of the trends query: hits of one signal on accounts of one segment value in one week. */
export interface TrendCount {
	signalKey: string;
	/** The account's value for the chosen segment column; null when the account has none. */
	segment: string | null;
	/** Monday of the week, "YYYY-MM-DD". */
	week: string;
	hits: number;
}

/** What the playbook says of a signal, to name and group it. */
export interface TrendSignal {
	key: string;
	name: string;
	family: SignalFamily;
}

export interface TrendSeries {
	key: string;
	label: string;
	/** Hits per week, in the order of `weeks`. */
	values: number[];
	total: number;
}

export interface TrendTable {
	weeks: string[];
	series: TrendSeries[];
	/** Hits per week over all series. */
	totals: number[];
}

const DAY_MS = 86_400_000;
const NO_VALUE = '(none)';

/** Monday 00:00 UTC of the week holding `at`. */
export function weekStart(at: Date): Date {
	const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
	const sinceMonday = (day.getUTCDay() + 6) % 7;
	return new Date(day.getTime() - sinceMonday * DAY_MS);
}

/** The `count` weeks ending with the week holding `now`, oldest first, as "YYYY-MM-DD" Mondays. */
export function listWeeks(now: Date, count: number): string[] {
	const last = weekStart(now).getTime();
	return Array.from({ length: count }, (_, i) => new Date(last - (count - 1 - i) * 7 * DAY_MS).toISOString().slice(0, 10));
}

/** Which series a hit belongs to in a view, and its label. */
function seriesOf(view: TrendView, row: TrendCount, signals: Map<string, TrendSignal>): { key: string; label: string } {
	if (view === 'segment') {
		const value = row.segment?.trim() ? row.segment : NO_VALUE;
		return { key: value, label: value };
	}
	const signal = signals.get(row.signalKey);
	if (view === 'family') {
		// A hit of a signal the current playbook no longer holds has no family to go to.
		const family = signal?.family;
		return family ? { key: family, label: SIGNAL_FAMILY_LABELS[family] } : { key: NO_VALUE, label: 'Signals no longer in the playbook' };
	}
	return { key: row.signalKey, label: signal?.name ?? `${row.signalKey} (no longer in the playbook)` };
}

/**
 * Shapes the weekly counts into one series per signal, family or segment value, over `weeks`
 * (counts outside them are left out). Series are ordered by total hits, most first, then by
 * label; families keep the playbook's order.
 */
export function shapeTrends(
	rows: readonly TrendCount[],
	signals: readonly TrendSignal[],
	view: TrendView,
	weeks: readonly string[],
	/** Only hits of this family's signals, when given. */
	family: SignalFamily | null = null
): TrendTable {
	const byKey = new Map(signals.map((s) => [s.key, s]));
	if (family) rows = rows.filter((r) => byKey.get(r.signalKey)?.family === family);
	const column = new Map(weeks.map((w, i) => [w, i]));
	const series = new Map<string, TrendSeries>();
	if (view === 'family') {
		for (const f of family ? [family] : SIGNAL_FAMILIES) series.set(f, { key: f, label: SIGNAL_FAMILY_LABELS[f], values: weeks.map(() => 0), total: 0 });
	}
	for (const row of rows) {
		const i = column.get(row.week);
		if (i === undefined) continue;
		const { key, label } = seriesOf(view, row, byKey);
		let s = series.get(key);
		if (!s) series.set(key, (s = { key, label, values: weeks.map(() => 0), total: 0 }));
		s.values[i] += row.hits;
		s.total += row.hits;
	}
	const list = [...series.values()];
	if (view !== 'family') list.sort((a, b) => b.total - a.total || a.label.localeCompare(b.label));
	return { weeks: [...weeks], series: list, totals: weeks.map((_, i) => list.reduce((sum, s) => sum + s.values[i], 0)) };
}

/** The table as CSV (spreadsheet-safe cells): one row per series, one column per week, a total. */
export function trendsCsv(table: TrendTable, firstColumn: string): string {
	let out = csvLine([firstColumn, ...table.weeks, 'Total']);
	for (const s of table.series) out += csvLine([s.label, ...s.values, s.total]);
	out += csvLine(['All', ...table.totals, table.totals.reduce((a, b) => a + b, 0)]);
	return out;
}

export interface TrendQuery {
	view: TrendView;
	segment: TrendSegment;
	weeks: number;
	/** Only this family's signals; null for all. */
	family: SignalFamily | null;
}

/** Reads view, segment and weeks from a page's query; anything unknown takes the default. */
export function readTrendQuery(params: URLSearchParams): TrendQuery {
	const pick = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T =>
		(allowed as readonly string[]).includes(value ?? '') ? (value as T) : fallback;
	const weeks = Number(params.get('weeks'));
	return {
		view: pick(params.get('view'), TREND_VIEWS, 'signal'),
		segment: pick(params.get('segment'), TREND_SEGMENTS, 'lifecycle'),
		weeks: Number.isInteger(weeks) && weeks >= 1 && weeks <= MAX_TREND_WEEKS ? weeks : DEFAULT_TREND_WEEKS,
		family: (SIGNAL_FAMILIES as readonly string[]).includes(params.get('family') ?? '') ? (params.get('family') as SignalFamily) : null
	};
}

/** The name of the table's first column for a query: "Signal", "Family" or the segment's label. */
export function trendSeriesHeading(query: TrendQuery): string {
	return query.view === 'signal' ? 'Signal' : query.view === 'family' ? 'Family' : TREND_SEGMENT_LABELS[query.segment];
}
