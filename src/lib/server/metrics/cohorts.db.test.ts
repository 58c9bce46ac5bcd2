import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../../tests/databases';
import { makeAccount, makeActivities, makeWorkspace } from '../../../../tests/factories';
import type { OpenDatabase } from '../db/index';
import { activity, deal, signalHit } from '../db/schema';
import { loadCohortComparison, loadCohortCounts, type CohortCounts } from './cohorts';

const march = { from: '2026-03', to: '2026-03' };
const H = 1 / 24;

/** The counts as `kind:key:cohort -> [events, lastDays]`, rounded, for comparing with hand-made answers. */
const byItem = (c: CohortCounts) =>
	Object.fromEntries(c.items.map((i) => [`${i.kind}:${i.key}:${i.cohort}`, [i.events, i.lastDays.map((d) => Math.round(d * 1000) / 1000)]]));

describe.each(testDatabases())('trend review cohorts on $name', ({ open }) => {
	let store: OpenDatabase;
	let ws: string;
	let other: string;
	beforeAll(async () => {
		store = await open();
		const db = store.db;
		ws = (await makeWorkspace(db)).id;
		other = (await makeWorkspace(db)).id;
		const hit = (workspaceId: string, accountId: string, signalKey: string, first: string, closed: string | null) => ({
			workspaceId, accountId, signalKey, firstFiredAt: new Date(first), lastFiredAt: new Date(closed ?? first), closedAt: closed ? new Date(closed) : null, evidence: [], revision: 1
		});
		// Deals closing in March 2026. Won 1 closes on the 20th: its window is 2025-12-20 to 2026-03-20 00:00.
		const a1 = await makeAccount(db, ws, { plan: 'pro' });
		await makeActivities(db, ws, a1.id, [
			{ type: 'web_visit', at: '2025-11-01T00:00:00Z' }, // before the window
			{ type: 'meeting_held', at: '2026-02-01T12:00:00Z' }, // 46.5 days before
			{ type: 'meeting_held', at: '2026-03-10T10:00:00Z' }, // 9 days 14 hours before
			{ type: 'pricing_visit', at: '2026-03-19T12:00:00Z' }, // half a day before
			{ type: 'purchase', at: '2026-03-20T10:00:00Z' } // on the close date: not before it
		]);
		const a2 = await makeAccount(db, ws, { plan: 'pro' });
		await makeActivities(db, ws, a2.id, [{ type: 'pricing_visit', at: '2026-03-01T00:00:00Z' }]); // 4 days before the 5th
		const a3 = await makeAccount(db, ws, { plan: 'pro' });
		await makeActivities(db, ws, a3.id, [{ type: 'web_visit', at: '2026-03-15T00:00:00Z' }]); // 10 days before the 25th
		const a4 = await makeAccount(db, ws, { plan: 'starter' });
		await makeActivities(db, ws, a4.id, [{ type: 'meeting_held', at: '2026-03-27T00:00:00Z' }]); // 1 day before the 28th
		const d = (accountId: string, stage: 'closed_won' | 'closed_lost' | 'proposal', closeOn: string) => ({
			workspaceId: ws, accountId, name: `Deal ${closeOn}`, stage, outcome: stage === 'closed_won' ? ('won' as const) : stage === 'closed_lost' ? ('lost' as const) : ('open' as const), openedOn: '2026-01-01', closeOn, amount: 1000
		});
		await db.insert(deal).values([
			d(a1.id, 'closed_won', '2026-03-20'),
			d(a2.id, 'closed_won', '2026-03-05'),
			d(a3.id, 'closed_lost', '2026-03-25'),
			d(a4.id, 'closed_lost', '2026-03-28'),
			d(a4.id, 'closed_won', '2026-04-02'), // after the period
			d(a3.id, 'proposal', '2026-03-30') // open
		]);
		await db.insert(signalHit).values([
			hit(ws, a3.id, 'quiet', '2026-03-01T00:00:00Z', null), // holds until the close: began 24 days before
			hit(ws, a2.id, 'quiet', '2026-01-01T00:00:00Z', '2026-02-10T00:00:00Z'), // stopped inside the window: began 63 days before
			hit(ws, a1.id, 'quiet', '2025-10-01T00:00:00Z', '2025-11-01T00:00:00Z') // over before the window
		]);

		// Customers: c1 churns on 10 March, c2 renews on 15 March, c3 renews on 5 March and churns on
		// 25 March (a churn), c4 churned in February (outside the period).
		const c1 = await makeAccount(db, ws, { plan: 'pro' });
		await makeActivities(db, ws, c1.id, [
			{ type: 'product_login', at: '2026-01-20T00:00:00Z' }, // 49 days before
			{ type: 'product_login', at: '2026-02-01T00:00:00Z' }, // 37 days before
			{ type: 'ticket_opened', at: '2026-03-08T00:00:00Z' }, // 2 days before
			{ type: 'churned', at: '2026-03-10T00:00:00Z' }
		]);
		const c2 = await makeAccount(db, ws, { plan: 'pro' });
		await makeActivities(db, ws, c2.id, [
			{ type: 'renewal', at: '2025-03-15T00:00:00Z' },
			{ type: 'meeting_held', at: '2026-03-01T00:00:00Z' }, // 14 days before
			{ type: 'product_login', at: '2026-03-14T00:00:00Z' }, // 1 day before
			{ type: 'renewal', at: '2026-03-15T00:00:00Z' }
		]);
		const c3 = await makeAccount(db, ws, { plan: 'starter' });
		await makeActivities(db, ws, c3.id, [
			{ type: 'renewal', at: '2026-03-05T00:00:00Z' }, // 20 days before its churn
			{ type: 'churned', at: '2026-03-25T00:00:00Z' }
		]);
		const c4 = await makeAccount(db, ws, { plan: 'pro' });
		await makeActivities(db, ws, c4.id, [{ type: 'churned', at: '2026-02-20T00:00:00Z' }]);

		// Another workspace: its own won deal and churn, and rows that point at this workspace's accounts.
		const foreign = await makeAccount(db, other, { plan: 'pro' });
		await makeActivities(db, other, foreign.id, [{ type: 'meeting_held', at: '2026-03-01T00:00:00Z' }, { type: 'churned', at: '2026-03-03T00:00:00Z' }]);
		await db.insert(deal).values({ ...d(foreign.id, 'closed_won', '2026-03-02'), workspaceId: other });
		await db.insert(activity).values({ workspaceId: other, accountId: a3.id, type: 'call_logged', occurredAt: new Date('2026-03-20T00:00:00Z'), department: 'sales' });
		await db.insert(signalHit).values(hit(other, a4.id, 'foreign-signal', '2026-03-01T00:00:00Z', null));
	});
	afterAll(() => store.close());

	it('compares won and lost deals over the 90 days before each close date', async () => {
		const counts = await loadCohortCounts(store.db, ws, { comparison: 'deals', period: march, windowDays: 90 });
		expect(counts.sizes).toEqual({ a: 2, b: 2 });
		expect(byItem(counts)).toEqual({
			'activity:meeting_held:a': [2, [Math.round((9 + 14 * H) * 1000) / 1000]],
			'activity:meeting_held:b': [1, [1]],
			'activity:pricing_visit:a': [2, [0.5, 4]],
			'activity:web_visit:b': [1, [10]],
			'signal:quiet:a': [1, [63]],
			'signal:quiet:b': [1, [24]]
		});
	});

	it('narrows to a segment and a shorter window', async () => {
		const pro = await loadCohortCounts(store.db, ws, { comparison: 'deals', period: march, windowDays: 90, segment: { plan: 'pro' } });
		expect(pro.sizes).toEqual({ a: 2, b: 1 });
		expect(Object.keys(byItem(pro))).not.toContain('activity:meeting_held:b');
		const week = await loadCohortCounts(store.db, ws, { comparison: 'deals', period: march, windowDays: 5 });
		expect(byItem(week)['activity:meeting_held:a']).toBeUndefined();
		expect(byItem(week)['activity:pricing_visit:a']).toEqual([2, [0.5, 4]]);
		// The open hit began 24 days before: it still held in the last 5 days. The closed one did not.
		expect(byItem(week)['signal:quiet:b']).toEqual([1, [24]]);
		expect(byItem(week)['signal:quiet:a']).toBeUndefined();
	});

	it('compares churned and renewed customers over the days before the churn or renewal', async () => {
		const counts = await loadCohortCounts(store.db, ws, { comparison: 'customers', period: march, windowDays: 90 });
		expect(counts.sizes).toEqual({ a: 2, b: 1 });
		expect(byItem(counts)).toEqual({
			'activity:product_login:a': [2, [37]],
			'activity:product_login:b': [1, [1]],
			'activity:ticket_opened:a': [1, [2]],
			'activity:meeting_held:b': [1, [14]],
			'activity:renewal:a': [1, [20]]
		});
	});

	it('names every activity type and signal and puts the largest differences first', async () => {
		const { sizes, rows } = await loadCohortComparison(store.db, ws, { comparison: 'customers', period: march, windowDays: 90 });
		expect(sizes).toEqual({ a: 2, b: 1 });
		// Meetings: 0% vs 100%; logins 50% vs 100%; tickets and renewal 50% vs 0%. Ties go to the larger
		// gap in events per customer: renewal and tickets 0.5 vs 0, logins 1 vs 1; then by name.
		expect(rows[0]).toMatchObject({ kind: 'activity', key: 'meeting_held', label: 'Meeting held', differencePoints: -100 });
		expect(rows.slice(1, 4).map((r) => [r.key, r.differencePoints])).toEqual([
			['renewal', 50],
			['ticket_opened', 50],
			['product_login', -50]
		]);
		expect(rows.find((r) => r.key === 'product_login')!.a).toEqual({ members: 1, share: 0.5, meanEvents: 1, medianDays: 37 });
		expect(rows.filter((r) => r.kind === 'activity')).toHaveLength(23);
		expect(rows.find((r) => r.key === 'web_visit')).toMatchObject({ differencePoints: 0 });
	});

	it('never counts another workspace’s deals, activities or hits', async () => {
		const mine = await loadCohortCounts(store.db, ws, { comparison: 'deals', period: march, windowDays: 90 });
		expect(Object.keys(byItem(mine)).some((k) => k.includes('call_logged') || k.includes('foreign-signal'))).toBe(false);
		const theirs = await loadCohortCounts(store.db, other, { comparison: 'deals', period: march, windowDays: 90 });
		expect(theirs.sizes).toEqual({ a: 1, b: 0 });
		expect(byItem(theirs)).toEqual({ 'activity:meeting_held:a': [1, [1]] });
		const churn = await loadCohortCounts(store.db, other, { comparison: 'customers', period: march, windowDays: 90 });
		expect(churn.sizes).toEqual({ a: 1, b: 0 });
	});
});
