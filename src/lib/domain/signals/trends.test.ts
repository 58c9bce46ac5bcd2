import { describe, expect, it } from 'vitest';
import { listWeeks, readTrendQuery, shapeTrends, trendsCsv, weekStart, type TrendCount, type TrendSignal } from './trends';

const signals: TrendSignal[] = [
	{ key: 'pricing-repeat', name: 'Pricing page again and again', family: 'buying' },
	{ key: 'demo-click', name: 'Clicked a demo email', family: 'buying' },
	{ key: 'login-silence', name: 'No logins for three weeks', family: 'churn-risk' }
];

const weeks = ['2026-03-02', '2026-03-09', '2026-03-16'];
const rows: TrendCount[] = [
	{ signalKey: 'pricing-repeat', segment: 'lead', week: '2026-03-02', hits: 2 },
	{ signalKey: 'pricing-repeat', segment: 'prospect', week: '2026-03-09', hits: 1 },
	{ signalKey: 'demo-click', segment: 'lead', week: '2026-03-09', hits: 4 },
	{ signalKey: 'login-silence', segment: 'customer', week: '2026-03-16', hits: 3 },
	{ signalKey: 'login-silence', segment: null, week: '2026-03-16', hits: 1 },
	{ signalKey: 'gone-signal', segment: 'lead', week: '2026-03-16', hits: 5 },
	// Outside the chosen weeks: left out.
	{ signalKey: 'pricing-repeat', segment: 'lead', week: '2026-02-23', hits: 9 }
];

describe('weeks', () => {
	it('start on Monday, UTC', () => {
		expect(weekStart(new Date('2026-03-08T23:59:59Z')).toISOString()).toBe('2026-03-02T00:00:00.000Z'); // a Sunday
		expect(weekStart(new Date('2026-03-09T00:00:00Z')).toISOString()).toBe('2026-03-09T00:00:00.000Z'); // a Monday
	});
	it('lists the last n weeks ending with the current one, oldest first', () => {
		expect(listWeeks(new Date('2026-03-18T10:00:00Z'), 3)).toEqual(weeks);
		expect(listWeeks(new Date('2026-01-01T10:00:00Z'), 2)).toEqual(['2025-12-22', '2025-12-29']);
	});
});

describe('shapeTrends', () => {
	it('per signal: one series per signal, most hits first, with totals per week', () => {
		const t = shapeTrends(rows, signals, 'signal', weeks);
		expect(t.series.map((s) => [s.label, s.values, s.total])).toEqual([
			['gone-signal (no longer in the playbook)', [0, 0, 5], 5],
			['Clicked a demo email', [0, 4, 0], 4],
			['No logins for three weeks', [0, 0, 4], 4],
			['Pricing page again and again', [2, 1, 0], 3]
		]);
		expect(t.totals).toEqual([2, 5, 9]);
	});
	it('per family: every family in the playbook order, even without hits, plus signals no longer there', () => {
		const t = shapeTrends(rows, signals, 'family', weeks);
		expect(t.series.map((s) => [s.label, s.values])).toEqual([
			['Buying', [2, 5, 0]],
			['Churn risk', [0, 0, 4]],
			['Upsell', [0, 0, 0]],
			['Support gap', [0, 0, 0]],
			['Signals no longer in the playbook', [0, 0, 5]]
		]);
	});
	it('per segment for one family: only that family’s hits', () => {
		const t = shapeTrends(rows, signals, 'segment', weeks, 'churn-risk');
		expect(t.series.map((s) => [s.label, s.values])).toEqual([
			['customer', [0, 0, 3]],
			['(none)', [0, 0, 1]]
		]);
		expect(shapeTrends(rows, signals, 'family', weeks, 'buying').series.map((s) => s.key)).toEqual(['buying']);
	});
	it('per segment: one series per account value, missing values grouped as (none)', () => {
		const t = shapeTrends(rows, signals, 'segment', weeks);
		expect(t.series.map((s) => [s.label, s.values])).toEqual([
			['lead', [2, 4, 5]],
			['customer', [0, 0, 3]],
			['(none)', [0, 0, 1]],
			['prospect', [0, 1, 0]]
		]);
	});
});

describe('trendsCsv', () => {
	it('writes a header of weeks, a row per series and an all row, spreadsheet-safe', () => {
		const t = shapeTrends([{ signalKey: 'x', segment: '=cmd()', week: '2026-03-02', hits: 2 }], [], 'segment', weeks.slice(0, 2));
		expect(trendsCsv(t, 'Industry')).toBe("Industry,2026-03-02,2026-03-09,Total\r\n'=cmd(),2,0,2\r\nAll,2,0,2\r\n");
	});
});

describe('readTrendQuery', () => {
	it('reads known values and falls back to the defaults for anything else', () => {
		expect(readTrendQuery(new URLSearchParams('view=segment&segment=plan&weeks=12&family=churn-risk'))).toEqual({ view: 'segment', segment: 'plan', weeks: 12, family: 'churn-risk' });
		expect(readTrendQuery(new URLSearchParams('view=<x>&segment=owner&weeks=9999&family=all'))).toEqual({ view: 'signal', segment: 'lifecycle', weeks: 26, family: null });
		expect(readTrendQuery(new URLSearchParams('weeks=2.5'))).toMatchObject({ weeks: 26 });
	});
});
