/** Everything the KPI dashboard and its CSV show, for one query (src/lib/domain/metrics/kpiQuery.ts). */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index';
import { queryRows } from '../db/rows';
import { computeKpis, listMonths, type KpiFigures, type PeriodCounts } from '$lib/domain/metrics/kpis';
import { beforePracticeRange, currentMonth, type KpiQuery } from '$lib/domain/metrics/kpiQuery';
import { findPracticeStart, loadKpiCounts, querySegment, type KpiPeriod } from './kpiCounts';

export interface KpiDashboard {
	months: string[];
	/** Per month of the range. */
	trend: { month: string; counts: PeriodCounts; figures: KpiFigures }[];
	/** The whole range as one period. */
	period: { counts: PeriodCounts; figures: KpiFigures };
	/** The same number of months just before practice began; null before any session. */
	before: { from: string; to: string; figures: KpiFigures } | null;
	practiceStart: Date | null;
	lifespanYears: number | null;
}

export async function loadKpiDashboard(db: Database, workspaceId: string, query: KpiQuery): Promise<KpiDashboard> {
	const months = listMonths(query.from, query.to);
	const practiceStart = await findPracticeStart(db, workspaceId);
	const beforeRange = beforePracticeRange(practiceStart ? currentMonth(practiceStart) : null, months.length);
	const periods: KpiPeriod[] = [...months.map((m) => ({ from: m, to: m })), { from: query.from, to: query.to }, ...(beforeRange ? [beforeRange] : [])];
	const { counts, lifespanYears } = await loadKpiCounts(db, workspaceId, periods, querySegment(query));
	const figures = (c: PeriodCounts) => computeKpis(c, lifespanYears);
	return {
		months,
		trend: months.map((month, i) => ({ month, counts: counts[i], figures: figures(counts[i]) })),
		period: { counts: counts[months.length], figures: figures(counts[months.length]) },
		before: beforeRange ? { ...beforeRange, figures: figures(counts[months.length + 1]) } : null,
		practiceStart,
		lifespanYears
	};
}

/** The values a segment can be narrowed to: the plans, industries and sizes the workspace's accounts use. */
export async function listSegmentValues(db: Database, workspaceId: string): Promise<{ plans: string[]; industries: string[]; sizes: string[] }> {
	const rows = await queryRows<{ kind: string; value: string }>(
		db,
		sql`select distinct 'plan' as kind, plan as value from account where workspace_id = ${workspaceId}::uuid and plan is not null
			union select distinct 'industry', industry from account where workspace_id = ${workspaceId}::uuid and industry is not null
			union select distinct 'size', size from account where workspace_id = ${workspaceId}::uuid and size is not null
			order by 1, 2`
	);
	const of = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => r.value);
	return { plans: of('plan'), industries: of('industry'), sizes: of('size') };
}
