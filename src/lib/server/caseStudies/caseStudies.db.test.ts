import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../../tests/databases';
import { makeAccount, makeActivities, makeUser, makeWorkspace } from '../../../../tests/factories';
import type { OpenDatabase } from '../db/index';
import type { ActivityType } from '../../domain/crm/activityTypes';
import { getProposal } from '../playbook/proposals';
import { listSignals } from '../../domain/playbook/signalBlock';
import { listOutcomeAccounts } from './outcomeAccounts';
import { loadAlignedTimelines } from './alignedTimelines';
import { measureCandidateTrigger } from './measureCandidateTrigger';
import { proposeTrigger } from './proposeTrigger';
import { loadSessionCaseStudies } from './sessionCaseStudies';
import { defaultAgenda, type AgendaItem } from '../../domain/session';

const DAY = 86_400_000;
const at = (iso: string) => new Date(`${iso}T00:00:00Z`);
/** Product logins every 5 days back from `to` (the last one) to no earlier than `from`. */
function logins(from: string, to: string): { type: ActivityType; at: Date }[] {
	const out = [];
	for (let t = at(to).getTime(); t >= at(from).getTime(); t -= 5 * DAY) out.unshift({ type: 'product_login' as const, at: new Date(t) });
	return out;
}
const NOW = at('2026-06-01');
const SILENCE = 'lifecycle = customer and no(product_login) for 21d';

describe.each(testDatabases())('case studies on $name', ({ open }) => {
	let store: OpenDatabase;
	beforeAll(async () => {
		store = await open();
	});
	afterAll(() => store.close());

	/**
	 * Planted: 8 accounts that have been customers (and a lead, not measured).
	 * - Early (churned Apr 1): last login Mar 1 (silence fires Mar 22: 10 days of warning).
	 * - Earlier (churned Apr 1, churn logged later in the day): last login Feb 1 (fires Feb 22: 38 days).
	 * - Sudden (churned Mar 31): logins up to Mar 27, silence only after the churn: not a warning.
	 * - Steady, Loyal: logins up to May 31 (never fire); Quiet: last login Mar 1 (fires, stays);
	 *   Empty: a customer with no activity (never fires); Recovered: silent Jan 22 - Feb 10, active
	 *   since (outside the 90 days before now).
	 * Recall 2/3, precision 2/3, base rate 3/8, lift (2/3)/(3/8) = 16/9, median lead (10 + 38) / 2 = 24 days.
	 */
	async function plant() {
		const ws = await makeWorkspace(store.db);
		const make = async (name: string, lifecycle: 'customer' | 'churned' | 'lead', events: { type: ActivityType; at: Date; properties?: Record<string, unknown> }[]) => {
			const a = await makeAccount(store.db, ws.id, { name, lifecycle });
			await makeActivities(store.db, ws.id, a.id, events);
			return a;
		};
		const early = await make('Early', 'churned', [...logins('2026-01-01', '2026-03-01'), { type: 'churned', at: at('2026-04-01'), properties: { reason: 'budget' } }]);
		const earlier = await make('Earlier', 'churned', [...logins('2026-01-01', '2026-02-01'), { type: 'churned', at: new Date(at('2026-04-01').getTime() + 3_600_000) }]);
		const sudden = await make('Sudden', 'churned', [...logins('2026-01-01', '2026-03-27'), { type: 'ticket_opened', at: at('2026-03-20') }, { type: 'churned', at: at('2026-03-31') }]);
		await make('Steady', 'customer', logins('2026-01-01', '2026-05-31'));
		await make('Loyal', 'customer', logins('2026-01-01', '2026-05-31'));
		await make('Quiet', 'customer', logins('2026-01-01', '2026-03-01'));
		await make('Empty', 'customer', []);
		await make('Recovered', 'customer', [{ type: 'product_login', at: at('2026-01-01') }, ...logins('2026-02-10', '2026-05-31')]);
		await make('Lead', 'lead', [{ type: 'web_visit', at: at('2026-01-01') }]);
		return { ws, early, earlier, sudden };
	}

	it('measures a trigger over the store with known recall, precision, lift and lead time', async () => {
		const { ws } = await plant();
		const result = await measureCandidateTrigger(store.db, ws.id, 'churn', SILENCE, { now: NOW });
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const m = result.measures;
		expect(m).toMatchObject({ accounts: 8, outcomes: 3, showing: 3, caught: 2 });
		expect(m.recall).toBeCloseTo(2 / 3, 10);
		expect(m.precision).toBeCloseTo(2 / 3, 10);
		expect(m.baseRate).toBeCloseTo(3 / 8, 10);
		expect(m.lift).toBeCloseTo(16 / 9, 10);
		expect(m.leadDays).toEqual([38 + 1 / 24, 10]);
		expect(m.medianLeadDays).toBeCloseTo((10 + 38 + 1 / 24) / 2, 10);
		expect(result.words).toMatch(/login/i);

		// A year back, Recovered's old silence counts too: precision 2/4, lift (1/2)/(3/8) = 4/3.
		const year = await measureCandidateTrigger(store.db, ws.id, 'churn', SILENCE, { now: NOW, lookbackDays: 365 });
		expect(year).toMatchObject({ ok: true, lookbackDays: 365, measures: { showing: 4, caught: 2, precision: 0.5 } });
		if (year.ok) expect(year.measures.lift).toBeCloseTo(4 / 3, 10);
	});

	it('returns the parser problem for an invalid rule, never throws', async () => {
		const { ws } = await plant();
		const bad = await measureCandidateTrigger(store.db, ws.id, 'churn', 'no(product_login) for tomorrow', { now: NOW });
		expect(bad.ok).toBe(false);
		if (!bad.ok) expect(bad.problems[0]).toMatch(/Line 1, column \d+/);
		const empty = await measureCandidateTrigger(store.db, ws.id, 'upgrade', '   ', { now: NOW });
		expect(empty).toMatchObject({ ok: false });
	});

	it('lists churns most recent first and aligns picked timelines on the churn date', async () => {
		const { ws, early, earlier, sudden } = await plant();
		const listed = await listOutcomeAccounts(store.db, ws.id, 'churn');
		expect(listed.map((a) => a.name)).toEqual(['Earlier', 'Early', 'Sudden']);
		expect(listed[1]).toMatchObject({ detail: 'budget', outcomeAt: at('2026-04-01') });

		const cases = await loadAlignedTimelines(store.db, ws.id, 'churn', [sudden.id, early.id, earlier.id], { now: NOW });
		expect(cases.columns.map((c) => c.account.name)).toEqual(['Sudden', 'Early', 'Earlier']);
		const earlyColumn = cases.columns[1];
		expect(earlyColumn.events[0]).toMatchObject({ type: 'churned', daysBefore: 0 });
		expect(earlyColumn.events[1]).toMatchObject({ type: 'product_login', daysBefore: 31 });
		expect(earlyColumn.events.at(-1)).toMatchObject({ type: 'product_login', daysBefore: 86 });
		expect(cases.activityTypes).toEqual([
			{ key: 'product_login', accounts: 3, occurrences: 12 + 7 + 18 },
			{ key: 'ticket_opened', accounts: 1, occurrences: 1 }
		]);
		const short = await loadAlignedTimelines(store.db, ws.id, 'churn', [early.id], { windowDays: 40, now: NOW });
		expect(short.columns[0].events.map((e) => e.daysBefore)).toEqual([0, 31, 36]);
	});

	it('opens a playbook proposal with an experimental signal block and the measured numbers', async () => {
		const { ws, early, earlier } = await plant();
		const fran = await makeUser(store.db, { workspaceId: ws.id, role: 'facilitator', department: 'success' });
		const result = await proposeTrigger(
			store.db,
			ws.id,
			{ kind: 'churn', rule: SILENCE, name: 'Customer silent for 3 weeks', means: 'They stopped using the product: churn ahead.', action: 'Book a check-in call this week.', accountIds: [early.id, earlier.id], authorId: fran.id },
			NOW
		);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const proposal = await getProposal(store.db, ws.id, result.number);
		const signal = listSignals(proposal!.document).signals.find((s) => s.id === 'customer-silent-for-3-weeks');
		expect(signal).toMatchObject({ family: 'churn-risk', status: 'experimental', rule: SILENCE });
		const section = proposal!.document.sections.at(-1)!;
		expect(section.body).toContain('Early, Earlier');
		expect(section.body).toContain('| 8 | 3 | 3 | 2 | 67% | 67% | 38% | 1.8× | 24 days |');
		expect(proposal!.reason).toContain('recall 67%');

		const invalid = await proposeTrigger(store.db, ws.id, { kind: 'churn', rule: 'count(', name: 'x', means: 'x', action: 'x', accountIds: [], authorId: fran.id }, NOW);
		expect(invalid.ok).toBe(false);
	});

	it('gives a live session the aligned timelines of its churn and upsell items', async () => {
		const { ws, early } = await plant();
		const item = (id: string, exercise: AgendaItem['exercise'], accountIds: string[]): AgendaItem => ({ id, title: id, plannedMinutes: 10, exercise, accountIds });
		const studies = await loadSessionCaseStudies(
			store.db,
			ws.id,
			[...defaultAgenda(), item('churn', 'churn-case-study', [early.id]), item('recent', 'churn-case-study', []), item('upsell', 'upsell-review', [early.id])],
			NOW
		);
		expect(studies.map((s) => [s.itemId, s.kind, s.suggested, s.timelines.columns.map((c) => c.account.name)])).toEqual([
			['churn', 'churn', false, ['Early']],
			['recent', 'churn', true, ['Earlier', 'Early', 'Sudden']],
			['upsell', 'upgrade', true, []]
		]);
		// Another workspace's plan naming this account gets nothing of it.
		const other = await makeWorkspace(store.db);
		const theirs = await loadSessionCaseStudies(store.db, other.id, [item('churn', 'churn-case-study', [early.id])], NOW);
		expect(theirs[0].timelines.columns).toEqual([]);
	});

	it('never reads another workspace', async () => {
		const { early } = await plant();
		const other = await makeWorkspace(store.db);
		expect(await listOutcomeAccounts(store.db, other.id, 'churn')).toEqual([]);
		expect((await loadAlignedTimelines(store.db, other.id, 'churn', [early.id], { now: NOW })).columns).toEqual([]);
		const m = await measureCandidateTrigger(store.db, other.id, 'churn', SILENCE, { now: NOW });
		expect(m).toMatchObject({ ok: true, measures: { accounts: 0, outcomes: 0, showing: 0 } });
	});

	it('measures upgrades the same way', async () => {
		const ws = await makeWorkspace(store.db);
		const asked = await makeAccount(store.db, ws.id, { name: 'Asked', lifecycle: 'customer' });
		await makeActivities(store.db, ws.id, asked.id, [
			{ type: 'ticket_opened', at: at('2026-02-01'), properties: { subject: 'Do you offer SSO?' } },
			{ type: 'plan_upgraded', at: at('2026-03-01'), properties: { from: 'pro', to: 'enterprise' } }
		]);
		const silent = await makeAccount(store.db, ws.id, { name: 'Silent', lifecycle: 'customer' });
		await makeActivities(store.db, ws.id, silent.id, [{ type: 'plan_upgraded', at: at('2026-04-01'), properties: { from: 'starter', to: 'pro' } }]);
		const curious = await makeAccount(store.db, ws.id, { name: 'Curious', lifecycle: 'customer' });
		await makeActivities(store.db, ws.id, curious.id, [{ type: 'ticket_opened', at: at('2026-02-01'), properties: { subject: 'SSO pricing' } }]);
		await makeAccount(store.db, ws.id, { name: 'Other', lifecycle: 'customer' });

		expect((await listOutcomeAccounts(store.db, ws.id, 'upgrade')).map((a) => [a.name, a.detail])).toEqual([
			['Silent', 'starter → pro'],
			['Asked', 'pro → enterprise']
		]);
		const r = await measureCandidateTrigger(store.db, ws.id, 'upgrade', 'count(ticket_opened where subject ~ "sso") >= 1 within 90d', { now: NOW });
		// 4 customers, 2 upgraded; Asked and Curious show it; Asked upgraded 28 days later.
		expect(r).toMatchObject({ ok: true, measures: { accounts: 4, outcomes: 2, showing: 2, caught: 1, recall: 0.5, precision: 0.5, baseRate: 0.5, lift: 1, medianLeadDays: 28 } });
	});
});
