/**
 * The counts behind the KPIs (src/lib/domain/metrics/kpis.ts) for several periods at once, over
 * one segment of a workspace's accounts. Customers, churn and leads come from the timeline: an
 * account becomes a customer with its first `purchase`, is lost at its first `churned`, and is a
 * new lead in the month of its first activity of any kind.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/index';
import { queryRows } from '../db/rows';
import { addMonths, type PeriodCounts } from '$lib/domain/metrics/kpis';

export interface KpiSegment {
	plan?: string;
	industry?: string;
	size?: string;
	ownerId?: string;
}

export interface KpiPeriod {
	/** 'YYYY-MM', first month. */
	from: string;
	/** 'YYYY-MM', last month, included. */
	to: string;
}

/** A JSON value read as text that is a plain non-negative number (imports may bring anything). */
const NUMBER = '^[0-9]+(\\.[0-9]+)?$';

/** The first moment of a 'YYYY-MM' month, UTC, as an ISO string. */
export const monthStart = (month: string) => `${month}-01T00:00:00Z`;

/** The segment a page's query picked (empty choices mean any). */
export function querySegment(q: { plan: string; industry: string; size: string; owner: string }): KpiSegment {
	return { plan: q.plan || undefined, industry: q.industry || undefined, size: q.size || undefined, ownerId: q.owner || undefined };
}

/** ` and ...` conditions on the account alias `a` that keep the segment's accounts. */
export function segmentFilter(segment: KpiSegment): SQL {
	const parts: SQL[] = [];
	if (segment.plan) parts.push(sql` and a.plan = ${segment.plan}`);
	if (segment.industry) parts.push(sql` and a.industry = ${segment.industry}`);
	if (segment.size) parts.push(sql` and a.size = ${segment.size}`);
	if (segment.ownerId) parts.push(sql` and a.owner_id = ${segment.ownerId}::uuid`);
	return sql.join(parts, sql``);
}

type Row = { [K in keyof Omit<PeriodCounts, 'from' | 'to'>]: number | string | null } & { i: number };

/** One PeriodCounts per period, in the order given, plus the average customer lifespan in years (null without churn). */
export async function loadKpiCounts(
	db: Database,
	workspaceId: string,
	periods: KpiPeriod[],
	segment: KpiSegment = {}
): Promise<{ counts: PeriodCounts[]; lifespanYears: number | null }> {
	const ws = sql`${workspaceId}::uuid`;
	const json = JSON.stringify(
		periods.map((p, i) => ({
			i,
			from_at: monthStart(p.from),
			to_at: monthStart(addMonths(p.to, 1)),
			year_from_at: monthStart(addMonths(p.to, -11)),
			from_month: p.from,
			to_month: p.to
		}))
	);
	const score = sql`(x.properties ->> 'score')`;
	const rows = await queryRows<Row>(
		db,
		sql`with accts as materialized (
			select a.id from account a where a.workspace_id = ${ws}${segmentFilter(segment)}
		), facts as materialized (
			select a.id,
				(select min(x.occurred_at) from activity x where x.workspace_id = ${ws} and x.account_id = a.id) as first_touch,
				(select min(x.occurred_at) from activity x where x.workspace_id = ${ws} and x.account_id = a.id and x.type = 'purchase') as first_purchase,
				(select min(x.occurred_at) from activity x where x.workspace_id = ${ws} and x.account_id = a.id and x.type = 'churned') as churned_at
			from accts a
		), buys as materialized (
			select x.account_id, x.occurred_at,
				coalesce(case when (x.properties ->> 'amount') ~ ${NUMBER} then (x.properties ->> 'amount')::numeric end,
					case when (x.properties ->> 'arr') ~ ${NUMBER} then (x.properties ->> 'arr')::numeric end, 0) as value
			from activity x where x.workspace_id = ${ws} and x.type in ('purchase', 'renewal') and x.account_id in (select id from accts)
		), surveys as materialized (
			select x.occurred_at, x.properties ->> 'kind' as kind, ${score}::numeric as score
			from activity x where x.workspace_id = ${ws} and x.type = 'survey_answered' and x.account_id in (select id from accts)
				and x.properties ->> 'kind' in ('csat', 'nps') and ${score} ~ ${NUMBER}
		), closed as materialized (
			select d.opened_on, d.close_on from deal d
			where d.workspace_id = ${ws} and d.stage in ('closed_won', 'closed_lost') and d.close_on is not null and d.account_id in (select id from accts)
		), costs as materialized (
			select c.month, c.amount from acquisition_cost c where c.workspace_id = ${ws}
		), periods as (
			select * from json_to_recordset(${json}::json) as p(i int, from_at timestamptz, to_at timestamptz, year_from_at timestamptz, from_month text, to_month text)
		)
		select p.i,
			(select count(*) from facts f where f.first_purchase < p.from_at and (f.churned_at is null or f.churned_at >= p.from_at))::int as "customersAtStart",
			(select count(*) from facts f where f.churned_at >= p.from_at and f.churned_at < p.to_at and f.first_purchase < f.churned_at)::int as "customersLost",
			(select count(*) from facts f where f.first_touch >= p.from_at and f.first_touch < p.to_at)::int as "newLeads",
			(select count(*) from facts f where f.first_touch >= p.from_at and f.first_touch < p.to_at and f.first_purchase is not null)::int as "convertedLeads",
			(select count(*) from closed d where d.close_on >= p.from_at::date and d.close_on < p.to_at::date)::int as "closedDeals",
			(select coalesce(sum(d.close_on - d.opened_on), 0) from closed d where d.close_on >= p.from_at::date and d.close_on < p.to_at::date)::int as "closedDealDays",
			(select count(*) from buys b where b.occurred_at >= p.year_from_at and b.occurred_at < p.to_at)::int as "purchases12m",
			(select coalesce(sum(b.value), 0) from buys b where b.occurred_at >= p.year_from_at and b.occurred_at < p.to_at)::float8 as "purchaseValue12m",
			(select count(distinct b.account_id) from buys b where b.occurred_at >= p.year_from_at and b.occurred_at < p.to_at)::int as "buyers12m",
			(select count(*) from facts f where f.first_purchase >= p.from_at and f.first_purchase < p.to_at)::int as "newCustomers",
			(select sum(c.amount) from costs c where c.month between p.from_month and p.to_month)::float8 as "cost",
			(select count(*) from facts f where f.first_purchase >= p.from_at and f.first_purchase < p.to_at
				and to_char(f.first_purchase at time zone 'UTC', 'YYYY-MM') in (select c.month from costs c))::int as "newCustomersWithCost",
			(select count(*) from surveys s where s.kind = 'csat' and s.occurred_at >= p.from_at and s.occurred_at < p.to_at)::int as "csatAnswers",
			(select count(*) from surveys s where s.kind = 'csat' and s.score >= 4 and s.occurred_at >= p.from_at and s.occurred_at < p.to_at)::int as "csatSatisfied",
			(select count(*) from surveys s where s.kind = 'nps' and s.occurred_at >= p.from_at and s.occurred_at < p.to_at)::int as "npsAnswers",
			(select count(*) from surveys s where s.kind = 'nps' and s.score >= 9 and s.occurred_at >= p.from_at and s.occurred_at < p.to_at)::int as "promoters",
			(select count(*) from surveys s where s.kind = 'nps' and s.score <= 6 and s.occurred_at >= p.from_at and s.occurred_at < p.to_at)::int as "detractors",
			(select avg(extract(epoch from (f.churned_at - f.first_purchase)) / (365.25 * 86400)) from facts f where f.first_purchase < f.churned_at)::float8 as "lifespanYears"
		from periods p order by p.i`
	);
	const num = (v: number | string | null) => (v === null ? null : Number(v));
	const counts = rows.map((r) => {
		const out = { from: periods[r.i].from, to: periods[r.i].to } as PeriodCounts;
		for (const [key, value] of Object.entries(r)) {
			if (key === 'i' || key === 'lifespanYears') continue;
			(out as unknown as Record<string, number | null>)[key] = key === 'cost' ? num(value) : Number(value ?? 0);
		}
		return out;
	});
	const lifespan = rows.length > 0 ? num((rows[0] as unknown as { lifespanYears: number | string | null }).lifespanYears) : null;
	return { counts, lifespanYears: lifespan };
}

/** When the workspace's practice began: its first session's start; null before any session ran. */
export async function findPracticeStart(db: Database, workspaceId: string): Promise<Date | null> {
	const [row] = await queryRows<{ at: Date | string | null }>(db, sql`select min(started_at) as at from practice_session where workspace_id = ${workspaceId}::uuid`);
	return row?.at ? new Date(row.at) : null;
}
