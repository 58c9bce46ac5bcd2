/**
 * The backtest on a small planted store with answers worked out by hand, and its workspace line:
 * another workspace's accounts, activities and deals never count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../../tests/databases';
import { makeAccount, makeActivities, makeWorkspace } from '../../../../tests/factories';
import type { Database, OpenDatabase } from '../db/index';
import { deal } from '../db/schema';
import { parseRule } from '$lib/domain/signals/parseRule';
import type { Rule } from '$lib/domain/signals/rule';
import { backtestRule, backtestRuleText } from './backtestRule';
import { backtestRuleChanges } from './backtestRuleChanges';

const period = { start: new Date('2026-01-01T00:00:00Z'), end: new Date('2026-03-31T23:59:59.999Z') };

function rule(text: string): Rule {
	const parsed = parseRule(text);
	if (!parsed.ok) throw new Error(parsed.error.message);
	return parsed.rule;
}
const twoPricingVisits = rule('count(pricing_visit) >= 2 within 1d');

async function closeDeal(db: Database, workspaceId: string, accountId: string, outcome: 'won' | 'lost', closeOn: string) {
	await db.insert(deal).values({
		workspaceId,
		accountId,
		name: `Deal ${closeOn}`,
		stage: outcome === 'won' ? 'closed_won' : 'closed_lost',
		outcome,
		openedOn: '2025-11-01',
		closeOn
	});
}

const visits = (...at: string[]) => at.map((a) => ({ type: 'pricing_visit' as const, at: a }));

describe.each(testDatabases())('backtestRule ($name)', ({ open }) => {
	let opened: OpenDatabase;
	let db: Database;
	let ws: string;
	let other: string;
	let ids: Record<string, string>;

	beforeAll(async () => {
		opened = await open();
		db = opened.db;
		ws = (await makeWorkspace(db)).id;
		other = (await makeWorkspace(db, 'Other')).id;
		ids = {};
		for (const name of ['A', 'B', 'C', 'D', 'E']) ids[name] = (await makeAccount(db, ws, { name })).id;
		// A fires on Jan 10 at noon; its deal closes won on Jan 20 (counted at the end of that day).
		await makeActivities(db, ws, ids.A, visits('2026-01-10T10:00:00Z', '2026-01-10T12:00:00Z'));
		await closeDeal(db, ws, ids.A, 'won', '2026-01-20');
		// B fired in December (before the period) and again on Feb 1 at 11:00; churns on Mar 3 at
		// 11:00. Its deal won on Jan 15 is before its firing in the period: not counted.
		await makeActivities(db, ws, ids.B, [
			...visits('2025-12-20T09:00:00Z', '2025-12-20T09:30:00Z', '2026-02-01T10:00:00Z', '2026-02-01T11:00:00Z'),
			{ type: 'churned', at: '2026-03-03T11:00:00Z' }
		]);
		await closeDeal(db, ws, ids.B, 'won', '2026-01-15');
		// C only fired in December; its deal closes lost in February.
		await makeActivities(db, ws, ids.C, visits('2025-12-01T09:00:00Z', '2025-12-01T09:10:00Z'));
		await closeDeal(db, ws, ids.C, 'lost', '2026-02-10');
		// D never fires and churns in February.
		await makeActivities(db, ws, ids.D, [{ type: 'churned', at: '2026-02-20T08:00:00Z' }]);
		// E fires only after the period; its deal closes won after it too.
		await makeActivities(db, ws, ids.E, visits('2026-04-05T09:00:00Z', '2026-04-05T09:05:00Z'));
		await closeDeal(db, ws, ids.E, 'won', '2026-04-20');

		// Another workspace: a firing account that wins and one that churns, in the same period.
		const x = (await makeAccount(db, other, { name: 'X' })).id;
		await makeActivities(db, other, x, [...visits('2026-01-05T10:00:00Z', '2026-01-05T10:01:00Z'), { type: 'churned', at: '2026-01-06T00:00:00Z' }]);
		await closeDeal(db, other, x, 'won', '2026-01-07');
		const y = (await makeAccount(db, other, { name: 'Y' })).id;
		await makeActivities(db, other, y, [{ type: 'churned', at: '2026-01-06T00:00:00Z' }]);
	});
	afterAll(async () => opened?.close());

	it('counts the accounts the rule fired on in the period, and the rest', async () => {
		const r = await backtestRule(db, ws, twoPricingVisits, period);
		expect([r.accountCount, r.firedCount, r.restCount]).toEqual([5, 2, 3]);
	});

	it('gives the outcome rates of fired accounts vs the rest, with median lead times from the first firing in the period', async () => {
		const r = await backtestRule(db, ws, twoPricingVisits, period);
		const byKind = Object.fromEntries(r.outcomes.map((o) => [o.kind, o]));
		// Won: A, 10.5 days after firing (Jan 10 12:00 -> end of Jan 20); B's win came before. Rest: E.
		expect(byKind.won.fired).toEqual({ count: 1, of: 2, rate: 0.5 });
		expect(byKind.won.rest).toEqual({ count: 1, of: 3, rate: 1 / 3 });
		expect(byKind.won.medianLeadDays).toBe(10.5);
		// Lost: only C, which did not fire in the period.
		expect(byKind.lost.fired).toEqual({ count: 0, of: 2, rate: 0 });
		expect(byKind.lost.rest).toEqual({ count: 1, of: 3, rate: 1 / 3 });
		expect(byKind.lost.medianLeadDays).toBeNull();
		// Churned: B, 30 days after Feb 1 11:00 (not from its December firing). Rest: D.
		expect(byKind.churned.fired).toEqual({ count: 1, of: 2, rate: 0.5 });
		expect(byKind.churned.rest).toEqual({ count: 1, of: 3, rate: 1 / 3 });
		expect(byKind.churned.medianLeadDays).toBe(30);
	});

	it('a rule that fires on nobody gives rates for the rest only', async () => {
		const r = await backtestRule(db, ws, rule('count(demo_requested) >= 1 within 1d'), period);
		expect(r.firedCount).toBe(0);
		// B and D churned in the period.
		expect(r.outcomes.find((o) => o.kind === 'churned')!.rest).toEqual({ count: 2, of: 5, rate: 0.4 });
	});

	it('stays inside its workspace', async () => {
		const r = await backtestRule(db, other, twoPricingVisits, period);
		expect([r.accountCount, r.firedCount, r.restCount]).toEqual([2, 1, 1]);
		const byKind = Object.fromEntries(r.outcomes.map((o) => [o.kind, o]));
		expect(byKind.won.fired.count).toBe(1);
		expect(byKind.won.rest.count).toBe(0);
		expect(byKind.churned.rest).toEqual({ count: 1, of: 1, rate: 1 });
		expect(byKind.lost.rest.count).toBe(0);
	});

	it('backtests rule text: a typo gives the parser’s message, never an exception', async () => {
		const bad = await backtestRuleText(db, ws, 'count(pricing_vist) >= 2 within 1d', period);
		expect(bad).toMatchObject({ ok: false, line: 1, column: 7, message: expect.stringContaining('Did you mean "pricing_visit"?') });
		for (const huge of ['count(pricing_visit) >= 99999999999 within 1d', 'count(pricing_visit) >= 2 within 99999999999w']) {
			expect(await backtestRuleText(db, ws, huge, period)).toEqual({ ok: false, message: expect.stringContaining('too large') });
		}
		const good = await backtestRuleText(db, ws, 'count(pricing_visit) >= 2 within 1d', period);
		expect(good).toMatchObject({ ok: true, words: 'at least 2 pricing page visits within 1 day', result: { firedCount: 2 } });
	});

	it('gives a proposal’s before/after backtests per changed rule', async () => {
		const changes = [
			{ id: 'pricing', name: 'Pricing', before: 'count(pricing_visit) >= 2 within 1d', after: 'count(pricing_visit) >= 2 within 1d or count(churned) >= 1 within 1d' },
			{ id: 'new', name: 'New', before: null, after: 'count(churned) >= 1 within 1d and' }
		];
		const [pricing, added] = await backtestRuleChanges(db, ws, changes, period);
		// Before: A and B. After: D's churn in February fires it too (B's churn is after its visits).
		expect(pricing.beforeBacktest).toMatchObject({ ok: true, result: { firedCount: 2 } });
		expect(pricing.afterBacktest).toMatchObject({ ok: true, result: { firedCount: 3 } });
		expect(added.beforeBacktest).toBeNull();
		expect(added.afterBacktest).toMatchObject({ ok: false });
	});
});
