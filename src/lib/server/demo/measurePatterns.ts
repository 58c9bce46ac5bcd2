import { sql } from 'drizzle-orm';
import type { Database } from '../db/index';
import { queryRows } from '../db/rows';

/** A group of accounts and how many of them showed the outcome being measured. */
export interface Rate {
	n: number;
	hits: number;
}

export interface PatternReport {
	/** Pattern 1: close rate (closed_won) with vs without webinar + demo-email click within 3 days. */
	webinarDemo: { engaged: Rate; others: Rate };
	/** Pattern 2: churned vs renewed customers with no touchpoint between onboarding and the end. */
	untouched: { churned: Rate; renewed: Rate };
	/** Pattern 2: churned customers whose last login was 21+ days before churning. */
	quietBeforeChurn: Rate;
	/** Customers with a 10+ day login gap (or silence up to churn/now) vs without: churn rate. */
	loginGapChurn: { gap: Rate; noGap: Rate };
	/** Pattern 3: accounts with a 3+ pricing-visit day: deal opened within 14 days after it. */
	pricingBurst: { burst: Rate; singleVisitThenDeal: Rate };
	/** Pattern 4: customers with an enterprise-feature ticket: upgrade to enterprise within 90 days after. */
	enterpriseTicket: { asked: Rate; notAsked: Rate; upgradesPreceded: Rate };
	/** Leads with 3+ sales follow-ups within 7 days before the decision vs others: close rate. */
	followUps: { burst: Rate; others: Rate };
}

const num = (v: unknown) => Number(v ?? 0);
const rate = (row: { n?: unknown; hits?: unknown } | undefined): Rate => ({ n: num(row?.n), hits: num(row?.hits) });
export const share = (r: Rate) => (r.n ? r.hits / r.n : 0);

type Row = { grp: boolean | string; n: number; hits: number };
const byGroup = (rows: Row[], value: boolean | string) => rate(rows.find((r) => r.grp === value));

/**
 * Measures the planted patterns with plain SQL over one workspace, the way a team would check
 * them in a practice session. `now` is the demo's anchor date (the end of its history).
 */
export async function measurePatterns(db: Database, workspaceId: string, now: Date): Promise<PatternReport> {
	const ws = workspaceId;
	const at = now.toISOString();
	const wonDeal = (acc: ReturnType<typeof sql>) =>
		sql`exists (select 1 from deal d where d.workspace_id = ${ws} and d.account_id = ${acc} and d.stage = 'closed_won')`;

	const webinar = await queryRows<Row>(
		db,
		sql`
		select grp, count(*)::int as n, count(*) filter (where won)::int as hits from (
			select exists (
				select 1 from activity w join activity c on c.workspace_id = w.workspace_id and c.account_id = w.account_id
				 and c.type = 'email_clicked' and c.properties->>'campaign' ilike '%demo%'
				 and c.occurred_at > w.occurred_at and c.occurred_at <= w.occurred_at + interval '3 days'
				where w.workspace_id = ${ws} and w.account_id = a.id and w.type = 'webinar_attended') as grp,
			 ${wonDeal(sql`a.id`)} as won
			from account a where a.workspace_id = ${ws}) s group by grp`
	);

	const untouched = await queryRows<Row>(
		db,
		sql`
		with cust as (select account_id, min(close_on)::timestamp at time zone 'UTC' as since from deal where workspace_id = ${ws} and stage = 'closed_won' group by account_id),
		ends as (select account_id, type::text as grp, min(occurred_at) as end_at from activity where workspace_id = ${ws} and type in ('churned', 'renewal') group by account_id, type)
		select e.grp, count(*)::int as n, count(*) filter (where not exists (
			select 1 from activity t where t.workspace_id = ${ws} and t.account_id = e.account_id
			 and t.occurred_at >= c.since + interval '30 days' and t.occurred_at < e.end_at
			 and (t.type in ('meeting_held', 'call_logged', 'email_replied') or t.department = 'success')))::int as hits
		from ends e join cust c using (account_id) group by e.grp`
	);

	const [quiet] = await queryRows<Row>(
		db,
		sql`
		select count(*)::int as n, count(*) filter (where last_login is null or churned_at - last_login >= interval '21 days')::int as hits from (
			select ch.occurred_at as churned_at, (select max(l.occurred_at) from activity l where l.workspace_id = ${ws} and l.account_id = ch.account_id
			 and l.type = 'product_login' and l.occurred_at < ch.occurred_at) as last_login
			from activity ch where ch.workspace_id = ${ws} and ch.type = 'churned') s`
	);

	const loginGap = await queryRows<Row>(
		db,
		sql`
		with churn as materialized (select account_id, min(occurred_at) as at from activity where workspace_id = ${ws} and type = 'churned' group by 1),
		cust as materialized (
			select d.account_id, ch.at is not null as churned, coalesce(ch.at, ${at}::timestamptz) as end_at
			from (select distinct account_id from deal where workspace_id = ${ws} and stage = 'closed_won') d
			left join churn ch on ch.account_id = d.account_id),
		logins as (select account_id, occurred_at, lead(occurred_at) over (partition by account_id order by occurred_at, id) as next_at
			from activity where workspace_id = ${ws} and type = 'product_login'),
		gaps as (select c.account_id, c.churned, max(coalesce(l.next_at, c.end_at) - l.occurred_at) as max_gap
			from cust c join logins l on l.account_id = c.account_id and l.occurred_at < c.end_at group by c.account_id, c.churned)
		select max_gap >= interval '10 days' as grp, count(*)::int as n, count(*) filter (where churned)::int as hits from gaps group by 1`
	);

	const pricing = await queryRows<{ n: number; burst_hits: number; single_n: number; single_hits: number }>(
		db,
		sql`
		with visits as (select account_id, (occurred_at at time zone 'UTC')::date as day, count(*) as visits
			from activity where workspace_id = ${ws} and type = 'pricing_visit' group by 1, 2),
		acc as (select a.id,
			exists (select 1 from visits v where v.account_id = a.id and v.visits >= 3) as burst,
			exists (select 1 from visits v join deal d on d.workspace_id = ${ws} and d.account_id = v.account_id
			 and d.opened_on > v.day and d.opened_on <= v.day + 14 where v.account_id = a.id and v.visits >= 3) as burst_deal,
			exists (select 1 from visits v join deal d on d.workspace_id = ${ws} and d.account_id = v.account_id
			 and d.opened_on > v.day and d.opened_on <= v.day + 14 where v.account_id = a.id) as visit_deal,
			exists (select 1 from visits v where v.account_id = a.id) as visited
			from account a where a.workspace_id = ${ws})
		select count(*) filter (where burst)::int as n, count(*) filter (where burst_deal)::int as burst_hits,
		 count(*) filter (where visited and not burst)::int as single_n, count(*) filter (where visited and not burst and visit_deal)::int as single_hits
		from acc`
	);

	const enterprise = await queryRows<Row & { preceded: number; upgrades: number }>(
		db,
		sql`
		with cust as (select distinct account_id from deal where workspace_id = ${ws} and stage = 'closed_won'),
		asked as (select account_id, min(occurred_at) as first_at from activity where workspace_id = ${ws} and type = 'ticket_opened'
			and properties->>'subject' ~* '(sso|audit log|enterprise)' group by 1),
		up as (select account_id, min(occurred_at) as at from activity where workspace_id = ${ws} and type = 'plan_upgraded'
			and properties->>'to' = 'enterprise' group by 1)
		select q.account_id is not null as grp, count(*)::int as n,
		 count(*) filter (where u.at > q.first_at and u.at <= q.first_at + interval '90 days')::int as hits,
		 count(u.account_id)::int as upgrades,
		 count(*) filter (where u.at > q.first_at and u.at <= q.first_at + interval '90 days')::int as preceded
		from cust c left join asked q using (account_id) left join up u using (account_id) group by 1`
	);

	const followUps = await queryRows<Row>(
		db,
		sql`
		with touch as (select account_id, occurred_at,
			 count(*) over (partition by account_id order by occurred_at range between current row and interval '7 days' following) as in_week
			from activity where workspace_id = ${ws}
			and (type = 'call_logged' or (type = 'email_sent' and properties->>'campaign' = 'sales-follow-up'))),
		decided as (select a.id as account_id, coalesce((select min(d.close_on) from deal d where d.workspace_id = ${ws}
			and d.account_id = a.id and d.outcome <> 'open')::timestamp at time zone 'UTC', ${at}::timestamptz) as decided_at
			from account a where a.workspace_id = ${ws}),
		bursts as (select distinct t1.account_id from touch t1 join decided d on d.account_id = t1.account_id
			where t1.occurred_at < d.decided_at and t1.in_week >= 3)
		select b.account_id is not null as grp, count(*)::int as n, count(*) filter (where ${wonDeal(sql`a.id`)})::int as hits
		from account a left join bursts b on b.account_id = a.id where a.workspace_id = ${ws} group by 1`
	);

	const ent = { asked: enterprise.find((r) => r.grp === true), notAsked: enterprise.find((r) => r.grp === false) };
	const upgrades = num(ent.asked?.upgrades) + num(ent.notAsked?.upgrades);
	return {
		webinarDemo: { engaged: byGroup(webinar, true), others: byGroup(webinar, false) },
		untouched: { churned: byGroup(untouched, 'churned'), renewed: byGroup(untouched, 'renewal') },
		quietBeforeChurn: rate(quiet),
		loginGapChurn: { gap: byGroup(loginGap, true), noGap: byGroup(loginGap, false) },
		pricingBurst: {
			burst: { n: num(pricing[0]?.n), hits: num(pricing[0]?.burst_hits) },
			singleVisitThenDeal: { n: num(pricing[0]?.single_n), hits: num(pricing[0]?.single_hits) }
		},
		enterpriseTicket: {
			asked: rate(ent.asked),
			notAsked: { n: num(ent.notAsked?.n), hits: num(ent.notAsked?.upgrades) },
			upgradesPreceded: { n: upgrades, hits: num(ent.asked?.preceded) }
		},
		followUps: { burst: byGroup(followUps, true), others: byGroup(followUps, false) }
	};
}
