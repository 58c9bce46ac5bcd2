import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testDatabases } from '../../../../tests/databases';
import type { OpenDatabase } from '../db/index';
import { queryRows } from '../db/rows';
import { verifyPassword } from '../auth/password';
import { ACTIVITY_TYPE_INFO, type ActivityType } from '../../domain/crm/activityTypes';
import { DEAL_STAGES } from '../../domain/crm/vocabulary';
import { DEMO_PASSWORD, seedDemoWorkspace, type DemoWorkspace } from './seedDemoWorkspace';
import { measurePatterns, share, type PatternReport } from './measurePatterns';
import { listSmartLists } from '../smartLists/smartLists';
import { liveMembers } from '../smartLists/liveMembers';
import { listSnapshotSizes } from '../smartLists/snapshots';

const now = new Date('2026-03-02T12:00:00.000Z');

/** Content of a workspace without its random ids: accounts, contacts, deals and every activity. */
async function fingerprint(store: OpenDatabase, workspaceId: string) {
	const [row] = await queryRows<{ accounts: string; contacts: string; deals: string; activities: string }>(
		store.db,
		sql`
		select
		 (select md5(string_agg(concat_ws('|', external_id, name, domain, industry, size, lifecycle, plan, arr), ',' order by external_id)) from account where workspace_id = ${workspaceId}) as accounts,
		 (select md5(string_agg(concat_ws('|', external_id, first_name, last_name, email, title, lifecycle), ',' order by external_id)) from contact where workspace_id = ${workspaceId}) as contacts,
		 (select md5(string_agg(concat_ws('|', external_id, name, stage, outcome, amount, opened_on, close_on), ',' order by external_id)) from deal where workspace_id = ${workspaceId}) as deals,
		 (select md5(string_agg(concat_ws('|', a.external_id, c.external_id, u.name, t.type, t.department, t.occurred_at, t.properties::text), ',' order by t.id))
		  from activity t join account a on a.id = t.account_id left join contact c on c.id = t.contact_id left join "user" u on u.id = t.actor_id
		  where t.workspace_id = ${workspaceId}) as activities`
	);
	const counts = await queryRows<{ type: string; n: number }>(
		store.db,
		sql`
		select type::text, count(*)::int as n from activity where workspace_id = ${workspaceId} group by 1 order by 1`
	);
	return { ...row, counts };
}

describe.each(testDatabases())('demo workspace on $name', ({ open }) => {
	let store: OpenDatabase;
	let demo: DemoWorkspace;
	let report: PatternReport;
	const count = async (table: string) => {
		const [row] = await queryRows<{ n: number }>(
			store.db,
			sql`select count(*)::int as n from ${sql.identifier(table)} where workspace_id = ${demo.workspaceId}`
		);
		return row.n;
	};

	beforeAll(async () => {
		store = await open();
		demo = await seedDemoWorkspace(store.db, { now });
		report = await measurePatterns(store.db, demo.workspaceId, now);
	});
	afterAll(() => store?.close());

	it('has the default size, every deal stage, and users of every role and department', async () => {
		expect(demo).toMatchObject({ slug: 'demo', password: DEMO_PASSWORD, created: true });
		expect(await count('account')).toBeGreaterThanOrEqual(300);
		expect(await count('contact')).toBeGreaterThanOrEqual(1500);
		expect(await count('activity')).toBeGreaterThanOrEqual(60_000);
		expect(await count('note')).toBeGreaterThan(50);
		const stages = await queryRows<{ stage: string }>(
			store.db,
			sql`select distinct stage::text from deal where workspace_id = ${demo.workspaceId}`
		);
		expect(stages.map((s) => s.stage).sort()).toEqual([...DEAL_STAGES].sort());
		const [tasks] = await queryRows<{ open: number }>(
			store.db,
			sql`select count(*)::int as open from task where workspace_id = ${demo.workspaceId} and status = 'open'`
		);
		expect(tasks.open).toBeGreaterThan(0);

		const roles = new Set(demo.users.map((u) => u.role));
		expect([...roles].sort()).toEqual(['facilitator', 'member', 'owner', 'viewer']);
		const memberDepartments = new Set(demo.users.filter((u) => u.role === 'member').map((u) => u.department));
		expect([...memberDepartments].sort()).toEqual(['marketing', 'product', 'revops', 'sales', 'success', 'support']);
		expect(demo.users.map((u) => u.email)).toContain('facilitator@demo.signalroom.test');
		const hashes = await queryRows<{ password_hash: string }>(
			store.db,
			sql`
			select distinct u.password_hash from "user" u join membership m on m.user_id = u.id where m.workspace_id = ${demo.workspaceId}`
		);
		expect(hashes).toHaveLength(1);
		expect(await verifyPassword(hashes[0].password_hash, DEMO_PASSWORD)).toBe(true);
	});

	it('writes activities the timeline can read: owning department, whole ms, inside the 18 months before now', async () => {
		const rows = await queryRows<{
			type: ActivityType;
			department: string;
			n: number;
			min_at: string;
			max_at: string;
			sub_ms: number;
		}>(
			store.db,
			sql`
			select type::text, department::text, count(*)::int as n, min(occurred_at)::text as min_at, max(occurred_at)::text as max_at,
			 count(*) filter (where occurred_at <> date_trunc('milliseconds', occurred_at))::int as sub_ms
			from activity where workspace_id = ${demo.workspaceId} group by 1, 2`
		);
		for (const r of rows) {
			expect(r.department, r.type).toBe(ACTIVITY_TYPE_INFO[r.type].department);
			expect(r.sub_ms).toBe(0);
			expect(new Date(r.min_at).getTime()).toBeGreaterThanOrEqual(now.getTime() - 549 * 86_400_000);
			expect(new Date(r.max_at).getTime()).toBeLessThan(now.getTime());
		}
		const types = new Set(rows.map((r) => r.type));
		for (const t of [
			'renewal',
			'plan_upgraded',
			'plan_downgraded',
			'churned',
			'survey_answered',
			'ticket_opened',
			'social_mention'
		] as const)
			expect(types).toContain(t);

		const [checks] = await queryRows<Record<string, number>>(
			store.db,
			sql`
			select
			 count(*) filter (where type = 'survey_answered' and properties->>'kind' = 'nps' and (properties->>'score')::int not between 0 and 10)::int as bad_nps,
			 count(*) filter (where type = 'survey_answered' and properties->>'kind' = 'csat' and (properties->>'score')::int not between 1 and 5)::int as bad_csat,
			 count(*) filter (where type = 'survey_answered' and properties->>'kind' = 'csat')::int as csat,
			 count(distinct properties->>'sentiment') filter (where type = 'ticket_opened')::int as sentiments,
			 count(*) filter (where type = 'ticket_opened' and coalesce(properties->>'subject', '') = '')::int as no_subject,
			 count(*) filter (where type = 'call_logged' and properties->>'outcome' not in ('connected', 'voicemail', 'no_answer', 'meeting_booked'))::int as bad_calls,
			 count(*) filter (where type = 'pricing_visit' and properties->>'page' <> '/pricing')::int as bad_pricing,
			 count(*) filter (where left(type::text, 6) = 'email_' and (properties->>'subject' is null or properties->>'campaign' is null))::int as bad_emails
			from activity where workspace_id = ${demo.workspaceId}`
		);
		expect(checks).toMatchObject({
			bad_nps: 0,
			bad_csat: 0,
			sentiments: 4,
			no_subject: 0,
			bad_calls: 0,
			bad_pricing: 0,
			bad_emails: 0
		});
		expect(checks.csat).toBeGreaterThan(0);

		const [domains] = await queryRows<{ bad: number }>(
			store.db,
			sql`
			select count(*)::int as bad from account where workspace_id = ${demo.workspaceId}
			 and (domain is null or domain <> lower(domain) or domain ~ '^(https?://|www\\.)' or domain like '%/%')`
		);
		expect(domains.bad).toBe(0);
	});

	it('keeps lifecycle, plan and ARR consistent with renewals, plan changes and churn', async () => {
		const [r] = await queryRows<Record<string, number>>(
			store.db,
			sql`
			with last_plan as (
				select distinct on (account_id) account_id, coalesce(properties->>'to', properties->>'plan') as plan
				from activity where workspace_id = ${demo.workspaceId} and type in ('plan_upgraded', 'plan_downgraded', 'renewal')
				order by account_id, occurred_at desc, id desc),
			churned as (select distinct account_id from activity where workspace_id = ${demo.workspaceId} and type = 'churned'),
			won as (select account_id, (array_agg(name))[1] as name from deal where workspace_id = ${demo.workspaceId} and stage = 'closed_won' group by 1)
			select
			 count(*) filter (where (a.lifecycle = 'churned') <> (c.account_id is not null))::int as churn_mismatch,
			 count(*) filter (where a.lifecycle = 'churned' and (a.arr <> 0 or a.plan is not null))::int as churned_with_arr,
			 count(*) filter (where a.lifecycle = 'customer' and (a.arr <= 0 or w.account_id is null))::int as customer_without_arr,
			 count(*) filter (where a.lifecycle = 'customer' and lp.plan is not null and lp.plan <> a.plan)::int as plan_mismatch,
			 count(*) filter (where a.lifecycle in ('lead', 'prospect') and a.arr <> 0)::int as lead_with_arr,
			 count(*) filter (where a.lifecycle = 'churned')::int as churned_n,
			 count(*) filter (where lp.account_id is not null and a.lifecycle = 'customer')::int as changed_customers
			from account a left join churned c on c.account_id = a.id left join last_plan lp on lp.account_id = a.id
			left join won w on w.account_id = a.id
			where a.workspace_id = ${demo.workspaceId}`
		);
		expect(r).toMatchObject({
			churn_mismatch: 0,
			churned_with_arr: 0,
			customer_without_arr: 0,
			plan_mismatch: 0,
			lead_with_arr: 0
		});
		expect(r.churned_n).toBeGreaterThanOrEqual(10);
		expect(r.changed_customers).toBeGreaterThanOrEqual(10);
	});

	it('plants pattern 1: webinar + demo-email click within 3 days closes far more often', () => {
		const { engaged, others } = report.webinarDemo;
		expect(engaged.n).toBeGreaterThanOrEqual(30);
		expect(share(engaged)).toBeGreaterThan(0.7);
		expect(share(engaged)).toBeLessThan(0.95);
		expect(share(others)).toBeGreaterThan(0.15);
		expect(share(others)).toBeLessThan(0.35);
	});

	it('plants pattern 2: churned customers mostly had no touchpoint after onboarding and went quiet 3+ weeks before', () => {
		const { churned, renewed } = report.untouched;
		expect(churned.n).toBeGreaterThanOrEqual(10);
		expect(renewed.n).toBeGreaterThanOrEqual(10);
		expect(share(churned)).toBeGreaterThan(0.7);
		expect(share(churned)).toBeLessThan(1);
		expect(share(renewed)).toBeLessThan(0.3);
		expect(share(report.quietBeforeChurn)).toBeGreaterThan(0.7);
		const { gap, noGap } = report.loginGapChurn;
		expect(share(gap)).toBeGreaterThan(3 * share(noGap));
		expect(share(gap)).toBeLessThan(1);
	});

	it('plants pattern 3: a day with 3+ pricing visits is usually followed by a deal within 2 weeks', () => {
		const { burst, singleVisitThenDeal } = report.pricingBurst;
		expect(burst.n).toBeGreaterThanOrEqual(50);
		expect(share(burst)).toBeGreaterThan(0.75);
		expect(share(burst)).toBeLessThan(1);
		expect(share(singleVisitThenDeal)).toBeLessThan(0.4);
	});

	it('plants pattern 4: enterprise-feature tickets precede upgrades to enterprise', () => {
		const { asked, notAsked, upgradesPreceded } = report.enterpriseTicket;
		expect(upgradesPreceded.n).toBeGreaterThanOrEqual(5);
		expect(share(upgradesPreceded)).toBeGreaterThan(0.7);
		expect(share(asked)).toBeGreaterThan(0.4);
		expect(share(notAsked)).toBeLessThan(0.1);
	});

	it('plants the follow-up pattern: three sales follow-ups within a week convert more often', () => {
		const { burst, others } = report.followUps;
		expect(burst.n).toBeGreaterThanOrEqual(50);
		expect(share(burst)).toBeGreaterThan(1.3 * share(others));
	});

	it('has two example smart lists that find the planted patterns, each with its first snapshot', async () => {
		const lists = await listSmartLists(store.db, demo.workspaceId);
		expect(lists.map((l) => l.name)).toEqual(['Customers silent since onboarding', 'Highly engaged leads']);
		const [silent, engaged] = lists;
		// Pattern 2: the customers planted without touchpoints after onboarding (won over 100 days ago).
		const untouched = await queryRows<{ id: string; long: boolean }>(
			store.db,
			sql`with won as (select account_id, max(close_on)::timestamptz as won_at from deal where workspace_id = ${demo.workspaceId} and stage = 'closed_won' group by 1)
			select a.id, won.won_at < ${now.toISOString()}::timestamptz - interval '140 days' as long from account a join won on won.account_id = a.id
			where a.workspace_id = ${demo.workspaceId} and a.lifecycle = 'customer' and won.won_at < ${now.toISOString()}::timestamptz - interval '100 days'
			  and not exists (select 1 from activity x where x.account_id = a.id and x.type in ('call_logged', 'meeting_held') and x.occurred_at > won.won_at + interval '35 days')`
		);
		const silentNow = await liveMembers(store.db, silent, now);
		// Every member is one of them; all of them are members once onboarding's own calls are 100 days past.
		expect(silentNow.length).toBeGreaterThan(3);
		expect(silentNow.filter((id) => !untouched.some((u) => u.id === id))).toEqual([]);
		expect(untouched.filter((u) => u.long && !silentNow.includes(u.id))).toEqual([]);
		const engagedNow = await liveMembers(store.db, engaged, now);
		expect(engagedNow.length).toBeGreaterThan(10);
		const stages = await queryRows<{ lifecycle: string }>(
			store.db,
			sql`select distinct lifecycle::text from account where id = any(${`{${engagedNow.join(',')}}`}::uuid[])`
		);
		expect(stages.every((s) => s.lifecycle === 'lead' || s.lifecycle === 'prospect')).toBe(true);
		expect(await listSnapshotSizes(store.db, demo.workspaceId, engaged.id)).toEqual([{ day: now.toISOString().slice(0, 10), memberCount: engagedNow.length }]);
	});

	it('is idempotent: a second call returns the same workspace and writes nothing', async () => {
		const before = await count('activity');
		const again = await seedDemoWorkspace(store.db, { now, seed: 7 });
		expect(again).toMatchObject({
			workspaceId: demo.workspaceId,
			slug: 'demo',
			created: false,
			password: DEMO_PASSWORD
		});
		expect(again.users).toHaveLength(demo.users.length);
		expect(await count('activity')).toBe(before);
	});

	it('lets two concurrent seeders of one slug end with one workspace', async () => {
		const small = { now, slug: 'demo-race', accounts: 5, activities: 300 };
		const [a, b] = await Promise.all([seedDemoWorkspace(store.db, small), seedDemoWorkspace(store.db, small)]);
		expect(a.workspaceId).toBe(b.workspaceId);
		expect([a.created, b.created].sort()).toEqual([false, true]);
	});

	it('writes identical data for the same seed and now, and keeps each workspace to itself', async () => {
		const copy = await seedDemoWorkspace(store.db, { now, slug: 'demo-copy' });
		expect(copy.workspaceId).not.toBe(demo.workspaceId);
		expect(await fingerprint(store, copy.workspaceId)).toEqual(await fingerprint(store, demo.workspaceId));
		// Every pattern query is scoped to its workspace: a second demo beside it changes nothing.
		expect(await measurePatterns(store.db, demo.workspaceId, now)).toEqual(report);
	});
});
