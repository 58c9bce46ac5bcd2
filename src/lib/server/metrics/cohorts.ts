/**
 * The counts behind the trend review (src/lib/domain/metrics/cohorts.ts), in one query over one
 * segment of a workspace:
 * - deals: deals won (cohort a) and lost (b) with a close date in the period; the window is the N
 *   whole days before the close date (so the purchase logged at closing is not counted).
 * - customers: accounts whose first churn falls in the period (a), and accounts that renewed in the
 *   period without churning in it (b, at their last renewal in it); the window is the N days before
 *   the churn or renewal.
 * An activity counts when it happened in the window; a signal counts when one of its hits held at
 * some moment in it, and its timing is when that hit began to hold (so it may be more than N days).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/index';
import { queryRows } from '../db/rows';
import { addMonths } from '$lib/domain/metrics/kpis';
import { ACTIVITY_TYPE_INFO, type ActivityType } from '$lib/domain/crm/activityTypes';
import { compareCohorts, type CohortItemInput, type CohortRow, type CohortSizes, type Comparison } from '$lib/domain/metrics/cohorts';
import { loadDetectionPlan } from '../signals/detectionSignals';
import type { CohortQuery } from '$lib/domain/metrics/cohortQuery';
import { monthStart, querySegment, segmentFilter, type KpiPeriod, type KpiSegment } from './kpiCounts';

export interface CohortRequest {
	comparison: Comparison;
	period: KpiPeriod;
	windowDays: number;
	segment?: KpiSegment;
}

export interface CohortItemCountsRow {
	kind: 'activity' | 'signal';
	key: string;
	cohort: 'a' | 'b';
	events: number;
	lastDays: number[];
}

export interface CohortCounts {
	sizes: CohortSizes;
	items: CohortItemCountsRow[];
}

function outcomesOf(comparison: Comparison, ws: SQL, fromAt: string, toAt: string): SQL {
	if (comparison === 'deals') {
		return sql`select case when d.stage = 'closed_won' then 'a' else 'b' end as cohort, d.id::text as member, d.account_id,
				(d.close_on::timestamp at time zone 'UTC') as at
			from deal d
			where d.workspace_id = ${ws} and d.stage in ('closed_won', 'closed_lost') and d.close_on is not null
				and d.close_on >= ${fromAt.slice(0, 10)}::date and d.close_on < ${toAt.slice(0, 10)}::date
				and d.account_id in (select id from accts)`;
	}
	const inPeriod = sql`c.at >= ${fromAt}::timestamptz and c.at < ${toAt}::timestamptz`;
	return sql`select 'a' as cohort, c.account_id::text as member, c.account_id, c.at from churns c where ${inPeriod}
		union all
		select 'b', r.account_id::text, r.account_id, max(r.occurred_at)
		from activity r
		where r.workspace_id = ${ws} and r.type = 'renewal' and r.occurred_at >= ${fromAt}::timestamptz and r.occurred_at < ${toAt}::timestamptz
			and r.account_id in (select id from accts)
			and r.account_id not in (select c.account_id from churns c where ${inPeriod})
		group by r.account_id`;
}

type Row = { kind: 'size' | 'activity' | 'signal'; cohort: 'a' | 'b'; key: string | null; members: number | string; events: number | string; last_days: (number | string)[] | null };

/** Cohort sizes and, per cohort, each activity type's and signal's events and per-member timing. */
export async function loadCohortCounts(db: Database, workspaceId: string, request: CohortRequest): Promise<CohortCounts> {
	const ws = sql`${workspaceId}::uuid`;
	const fromAt = monthStart(request.period.from);
	const toAt = monthStart(addMonths(request.period.to, 1));
	const window = sql`(${request.windowDays}::int * interval '1 day')`;
	const days = (from: SQL) => sql`extract(epoch from (o.at - ${from})) / 86400.0`;
	const rows = await queryRows<Row>(
		db,
		sql`with accts as materialized (
			select a.id from account a where a.workspace_id = ${ws}${segmentFilter(request.segment ?? {})}
		), churns as materialized (
			select x.account_id, min(x.occurred_at) as at from activity x
			where x.workspace_id = ${ws} and x.type = 'churned' and x.account_id in (select id from accts) group by x.account_id
		), outcomes as materialized (
			${outcomesOf(request.comparison, ws, fromAt, toAt)}
		), acts as (
			select o.cohort, o.member, x.type::text as key, count(*) as n, min(${days(sql`x.occurred_at`)}) as last_days
			from outcomes o join activity x on x.workspace_id = ${ws} and x.account_id = o.account_id
				and x.occurred_at >= o.at - ${window} and x.occurred_at < o.at
			group by o.cohort, o.member, x.type
		), hits as (
			select o.cohort, o.member, h.signal_key as key, count(*) as n, min(${days(sql`h.first_fired_at`)}) as last_days
			from outcomes o join signal_hit h on h.workspace_id = ${ws} and h.account_id = o.account_id
				and h.first_fired_at < o.at and (h.closed_at is null or h.closed_at > o.at - ${window})
			group by o.cohort, o.member, h.signal_key
		)
		select 'size' as kind, cohort, null as key, count(*)::int as members, 0 as events, null::float8[] as last_days from outcomes group by cohort
		union all
		select 'activity', cohort, key, count(*)::int, sum(n)::int, array_agg(last_days::float8 order by last_days) from acts group by cohort, key
		union all
		select 'signal', cohort, key, count(*)::int, sum(n)::int, array_agg(last_days::float8 order by last_days) from hits group by cohort, key`
	);
	const sizes: CohortSizes = { a: 0, b: 0 };
	const items: CohortItemCountsRow[] = [];
	for (const r of rows) {
		if (r.kind === 'size') sizes[r.cohort] = Number(r.members);
		else items.push({ kind: r.kind, key: r.key!, cohort: r.cohort, events: Number(r.events), lastDays: (r.last_days ?? []).map(Number) });
	}
	items.sort((x, y) => x.kind.localeCompare(y.kind) || x.key.localeCompare(y.key) || x.cohort.localeCompare(y.cohort));
	return { sizes, items };
}

export interface CohortComparison {
	sizes: CohortSizes;
	rows: CohortRow[];
}

/**
 * The trend review for one request: every activity type and every signal of the current playbook
 * (and any other signal that fired before the outcomes), named and compared, largest differences first.
 */
export async function loadCohortComparison(db: Database, workspaceId: string, request: CohortRequest): Promise<CohortComparison> {
	const [{ sizes, items }, plan] = await Promise.all([loadCohortCounts(db, workspaceId, request), loadDetectionPlan(db, workspaceId)]);
	const inputs = new Map<string, CohortItemInput>();
	const ensure = (kind: 'activity' | 'signal', key: string, label: string) => {
		const id = `${kind}:${key}`;
		if (!inputs.has(id)) inputs.set(id, { kind, key, label, a: { events: 0, lastDays: [] }, b: { events: 0, lastDays: [] } });
		return inputs.get(id)!;
	};
	for (const [type, info] of Object.entries(ACTIVITY_TYPE_INFO)) ensure('activity', type, info.label);
	for (const s of plan.signals) ensure('signal', s.key, s.name);
	for (const i of items) {
		const label = i.kind === 'activity' ? (ACTIVITY_TYPE_INFO[i.key as ActivityType]?.label ?? i.key) : i.key;
		ensure(i.kind, i.key, label)[i.cohort] = { events: i.events, lastDays: i.lastDays };
	}
	return { sizes, rows: compareCohorts(sizes, [...inputs.values()]) };
}

/** The trend review for a page's query (src/lib/domain/metrics/cohortQuery.ts). */
export function loadTrendReview(db: Database, workspaceId: string, query: CohortQuery): Promise<CohortComparison> {
	return loadCohortComparison(db, workspaceId, { comparison: query.comparison, period: { from: query.from, to: query.to }, windowDays: query.windowDays, segment: querySegment(query) });
}
