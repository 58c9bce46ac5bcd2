import { describe, expect, it } from 'vitest';
import { cohortCsvRows, compareCohorts, type CohortItemInput } from './cohorts';
import { readCohortQuery, cohortQueryParams } from './cohortQuery';
import { csvLine } from '../import/csvCell';

const item = (key: string, a: [number, number[]], b: [number, number[]], kind: 'activity' | 'signal' = 'activity'): CohortItemInput => ({
	kind,
	key,
	label: key,
	a: { events: a[0], lastDays: a[1] },
	b: { events: b[0], lastDays: b[1] }
});

describe('compareCohorts', () => {
	// 4 churned customers, 5 renewed. By hand:
	// meetings: churned 1 of 4 = 25%, renewed 4 of 5 = 80%: -55 points; 2/4 = 0.5 vs 9/5 = 1.8 per customer;
	//   median days: churned [60] = 60, renewed [3, 10, 20, 41] = (10 + 20) / 2 = 15.
	// logins: 3 of 4 = 75% vs 5 of 5 = 100%: -25 points; medians [30, 40, 50] = 40 and [1, 1, 2, 2, 5] = 2.
	// tickets: 3 of 4 = 75% vs 2 of 5 = 40%: +35 points.
	// surveys: 2 of 4 = 50% vs 2 of 5 = 40%: +10 points. renewal: 0 vs 0: 0 points.
	const sizes = { a: 4, b: 5 };
	const items = [
		item('surveys', [2, [5, 9]], [2, [4, 8]]),
		item('logins', [12, [30, 40, 50]], [80, [1, 1, 2, 2, 5]]),
		item('renewal', [0, []], [0, []]),
		item('tickets', [7, [2, 12, 20]], [2, [30, 70]]),
		item('meetings', [2, [60]], [9, [3, 10, 20, 41]]),
		item('quiet-customer', [3, [5, 5, 7]], [0, []], 'signal')
	];
	const rows = compareCohorts(sizes, items);

	it('sorts by the absolute difference in percentage points, largest first', () => {
		// quiet-customer: 75% vs 0% = +75 points.
		expect(rows.map((r) => [r.key, r.differencePoints === null ? null : Math.round(r.differencePoints * 1000) / 1000])).toEqual([
			['quiet-customer', 75],
			['meetings', -55],
			['tickets', 35],
			['logins', -25],
			['surveys', 10],
			['renewal', 0]
		]);
	});

	it('gives each cohort its share, events per member and median timing', () => {
		const meetings = rows.find((r) => r.key === 'meetings')!;
		expect(meetings.a).toEqual({ members: 1, share: 0.25, meanEvents: 0.5, medianDays: 60 });
		expect(meetings.b).toEqual({ members: 4, share: 0.8, meanEvents: 1.8, medianDays: 15 });
		const logins = rows.find((r) => r.key === 'logins')!;
		expect(logins.a).toEqual({ members: 3, share: 0.75, meanEvents: 3, medianDays: 40 });
		expect(logins.b).toEqual({ members: 5, share: 1, meanEvents: 16, medianDays: 2 });
		const renewal = rows.find((r) => r.key === 'renewal')!;
		expect(renewal.a).toEqual({ members: 0, share: 0, meanEvents: 0, medianDays: null });
	});

	it('breaks ties by the gap in events per member, then by name', () => {
		const tied = compareCohorts({ a: 2, b: 2 }, [item('b-few', [1, [1]], [0, []]), item('c-many', [9, [1]], [0, []]), item('a-few', [1, [3]], [0, []])]);
		expect(tied.map((r) => r.key)).toEqual(['c-many', 'a-few', 'b-few']);
	});

	it('has no shares or difference for an empty cohort, and puts those rows last', () => {
		const empty = compareCohorts({ a: 0, b: 3 }, [item('x', [0, []], [3, [1, 2, 3]]), item('y', [0, []], [0, []])]);
		expect(empty[0].a).toEqual({ members: 0, share: null, meanEvents: null, medianDays: null });
		expect(empty[0].b).toEqual({ members: 3, share: 1, meanEvents: 1, medianDays: 2 });
		expect(empty.every((r) => r.differencePoints === null)).toBe(true);
		const mixed = compareCohorts({ a: 2, b: 2 }, [item('z', [0, []], [0, []]), item('w', [1, [4]], [0, []])]);
		expect(mixed.map((r) => r.key)).toEqual(['w', 'z']);
	});

	it('writes the same rows as CSV with the cohorts named', () => {
		const csv = cohortCsvRows('customers', sizes, rows);
		expect(csv[0]).toEqual([
			'kind', 'key', 'name',
			'Churned: customers with it (of 4)', 'Churned: share (%)', 'Churned: events per customer', 'Churned: median days before outcome of the last one',
			'Renewed: customers with it (of 5)', 'Renewed: share (%)', 'Renewed: events per customer', 'Renewed: median days before outcome of the last one',
			'difference (Churned - Renewed, percentage points)'
		]);
		expect(csv[2]).toEqual(['activity', 'meetings', 'meetings', 1, 25, 0.5, 60, 4, 80, 1.8, 15, -55]);
		expect(csvLine(csv[2])).toBe('activity,meetings,meetings,1,25,0.5,60,4,80,1.8,15,-55\r\n');
		const renewal = csv.find((r) => r[1] === 'renewal')!;
		expect(renewal.slice(3)).toEqual([0, 0, 0, '', 0, 0, 0, '', 0]);
		expect(csv).toHaveLength(items.length + 1);
	});
});

describe('readCohortQuery', () => {
	const now = new Date('2026-06-15T12:00:00Z');
	it('defaults to won vs lost deals over 90 days and the last twelve months', () => {
		const { query, problems } = readCohortQuery(new URLSearchParams(), now);
		expect(problems).toEqual([]);
		expect(query).toMatchObject({ comparison: 'deals', windowDays: 90, from: '2025-07', to: '2026-06', plan: '' });
	});
	it('reads a comparison, window and segment, and writes them back', () => {
		const params = new URLSearchParams('comparison=customers&window=30&plan=pro&from=2026-01&to=2026-03');
		const { query, problems } = readCohortQuery(params, now);
		expect(problems).toEqual([]);
		expect(query).toMatchObject({ comparison: 'customers', windowDays: 30, plan: 'pro', from: '2026-01', to: '2026-03' });
		expect(Object.fromEntries(cohortQueryParams(query))).toEqual({ comparison: 'customers', window: '30', plan: 'pro', from: '2026-01', to: '2026-03' });
	});
	it('explains bad input and falls back to the defaults', () => {
		const { query, problems } = readCohortQuery(new URLSearchParams('comparison=upsell&window=0&from=nope'), now);
		expect(query).toMatchObject({ comparison: 'deals', windowDays: 90, from: '2025-07' });
		expect(problems).toHaveLength(3);
		expect(problems.join(' ')).toContain('“upsell” is not a comparison');
		expect(problems.join(' ')).toContain('whole number of days from 1 to 365, not “0”');
		expect(readCohortQuery(new URLSearchParams('window=2.5'), now).problems[0]).toContain('not “2.5”');
		expect(readCohortQuery(new URLSearchParams('window=366'), now).query.windowDays).toBe(90);
	});
});
