import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../../tests/databases';
import { makeAccount, makeActivities, makeUser, makeWorkspace } from '../../../../tests/factories';
import type { OpenDatabase } from '../db/index';
import { deal } from '../db/schema';
import { computeKpis } from '$lib/domain/metrics/kpis';
import { findPracticeStart, loadKpiCounts } from './kpiCounts';
import { listAcquisitionCosts, saveAcquisitionCost } from './acquisitionCosts';

describe.each(testDatabases())('KPI counts on $name', ({ open }) => {
	let store: OpenDatabase;
	let ws: string;
	let other: string;
	let admin: string;
	beforeAll(async () => {
		store = await open();
		ws = (await makeWorkspace(store.db)).id;
		other = (await makeWorkspace(store.db)).id;
		admin = (await makeUser(store.db, { workspaceId: ws, role: 'admin' })).id;
		const db = store.db;
		// Three customers before March 2026: one churns in March (bought 2024-03-01, so two years),
		// one renews in March; a pro one stays quiet. Two new leads in March, one buys in April.
		const churner = await makeAccount(db, ws, { plan: 'starter', lifecycle: 'churned' });
		await makeActivities(db, ws, churner.id, [
			{ type: 'web_visit', at: '2024-02-10T10:00:00Z' },
			{ type: 'purchase', at: '2024-03-01T00:00:00Z', properties: { amount: 12000 } },
			{ type: 'survey_answered', at: '2026-03-05T10:00:00Z', properties: { kind: 'nps', score: 3 } },
			{ type: 'churned', at: '2026-03-01T00:00:00Z' }
		]);
		const renewer = await makeAccount(db, ws, { plan: 'starter', lifecycle: 'customer' });
		await makeActivities(db, ws, renewer.id, [
			{ type: 'web_visit', at: '2025-02-01T10:00:00Z' },
			{ type: 'purchase', at: '2025-03-15T00:00:00Z', properties: { amount: 10000 } },
			{ type: 'renewal', at: '2026-03-15T00:00:00Z', properties: { arr: 14000 } },
			{ type: 'survey_answered', at: '2026-03-16T10:00:00Z', properties: { kind: 'nps', score: 10 } },
			{ type: 'survey_answered', at: '2026-03-17T10:00:00Z', properties: { kind: 'csat', score: 5 } },
			{ type: 'survey_answered', at: '2026-03-18T10:00:00Z', properties: { kind: 'csat', score: 2 } },
			// Not a number: left out, not a 500.
			{ type: 'survey_answered', at: '2026-03-19T10:00:00Z', properties: { kind: 'csat', score: 'great' } }
		]);
		const quiet = await makeAccount(db, ws, { plan: 'pro', lifecycle: 'customer' });
		await makeActivities(db, ws, quiet.id, [
			{ type: 'purchase', at: '2025-06-01T00:00:00Z', properties: { amount: 20000 } },
			{ type: 'survey_answered', at: '2026-03-20T10:00:00Z', properties: { kind: 'nps', score: 8 } }
		]);
		const lead1 = await makeAccount(db, ws, { plan: 'starter' });
		await makeActivities(db, ws, lead1.id, [
			{ type: 'web_visit', at: '2026-03-03T10:00:00Z' },
			{ type: 'purchase', at: '2026-04-10T00:00:00Z', properties: { amount: 8000 } }
		]);
		const lead2 = await makeAccount(db, ws, { plan: 'starter' });
		await makeActivities(db, ws, lead2.id, [{ type: 'web_visit', at: '2026-03-20T10:00:00Z' }]);
		await db.insert(deal).values([
			{ workspaceId: ws, accountId: lead1.id, name: 'Won', stage: 'closed_won', outcome: 'won', openedOn: '2026-02-20', closeOn: '2026-03-12', amount: 8000 },
			{ workspaceId: ws, accountId: lead2.id, name: 'Lost', stage: 'closed_lost', outcome: 'lost', openedOn: '2026-03-01', closeOn: '2026-03-31', amount: 5000 },
			{ workspaceId: ws, accountId: lead2.id, name: 'Open', stage: 'proposal', outcome: 'open', openedOn: '2026-03-01', closeOn: '2026-03-20', amount: 5000 }
		]);
		// Another workspace's customer churning in March must not count.
		const foreign = await makeAccount(db, other, { plan: 'starter' });
		await makeActivities(db, other, foreign.id, [
			{ type: 'purchase', at: '2025-01-01T00:00:00Z', properties: { amount: 1 } },
			{ type: 'churned', at: '2026-03-10T00:00:00Z' }
		]);
		await saveAcquisitionCost(db, ws, admin, '2026-04', 40000);
		await saveAcquisitionCost(db, other, admin, '2026-03', 99999);
	});
	afterAll(() => store.close());

	it('counts March 2026 by hand: customers, churn, leads, deals, purchases, surveys', async () => {
		const { counts, lifespanYears } = await loadKpiCounts(store.db, ws, [{ from: '2026-03', to: '2026-03' }]);
		expect(counts[0]).toEqual({
			from: '2026-03',
			to: '2026-03',
			customersAtStart: 3,
			customersLost: 1,
			newLeads: 2,
			convertedLeads: 1,
			closedDeals: 2,
			closedDealDays: 20 + 30,
			// April 2025 to March 2026: the 2025-06 purchase and the 2026-03 renewal (the 2025-03-15 purchase is older).
			purchases12m: 2,
			purchaseValue12m: 34000,
			buyers12m: 2,
			newCustomers: 0,
			cost: null,
			newCustomersWithCost: 0,
			csatAnswers: 2,
			csatSatisfied: 1,
			npsAnswers: 3,
			promoters: 1,
			detractors: 1
		});
		expect(lifespanYears).toBeCloseTo(730 / 365.25, 6);
		const k = computeKpis(counts[0], lifespanYears);
		expect(k.churnRate).toBeCloseTo(100 / 3, 6);
		expect(k.leadConversionRate).toBe(50);
		expect(k.salesCycleDays).toBe(25);
		expect(k.csat).toBe(50);
		expect(k.nps).toBeCloseTo(0, 10);
		expect(k.cac).toBeNull();
	});

	it('takes CAC from the months with a cost entered, and narrows to a segment', async () => {
		const { counts } = await loadKpiCounts(store.db, ws, [{ from: '2026-03', to: '2026-04' }]);
		expect(counts[0]).toMatchObject({ newCustomers: 1, cost: 40000, newCustomersWithCost: 1, customersAtStart: 3, customersLost: 1 });
		expect(computeKpis(counts[0], null).cac).toBe(40000);
		const pro = await loadKpiCounts(store.db, ws, [{ from: '2026-03', to: '2026-03' }], { plan: 'pro' });
		expect(pro.counts[0]).toMatchObject({ customersAtStart: 1, customersLost: 0, npsAnswers: 1, promoters: 0, detractors: 0 });
		expect(pro.lifespanYears).toBeNull();
		expect((await listAcquisitionCosts(store.db, ws)).map((c) => [c.month, c.amount])).toEqual([['2026-04', 40000]]);
	});

	it('never counts another workspace', async () => {
		const { counts } = await loadKpiCounts(store.db, other, [{ from: '2026-03', to: '2026-03' }]);
		expect(counts[0]).toMatchObject({ customersAtStart: 1, customersLost: 1, cost: 99999, npsAnswers: 0, closedDeals: 0 });
		expect(await findPracticeStart(store.db, other)).toBeNull();
	});
});
