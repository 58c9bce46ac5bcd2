/** Weekly signal hit counts for the trends dashboard: one query over signal_hit and account. */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index';
import { queryRows } from '../db/rows';
import type { TrendCount, TrendSegment } from '$lib/domain/signals/trends';

/** The account column per segment; fixed text, never from the request. */
const SEGMENT_COLUMN: Record<TrendSegment, string> = { lifecycle: 'a.lifecycle::text', plan: 'a.plan', industry: 'a.industry' };

/**
 * Hits that started (first fired) in [from, to), counted per signal, account segment value and
 * week (Monday, UTC). Reads signal_hit by its (workspace, first fired) index and joins the
 * hit's account for the segment.
 */
export async function countSignalHitsByWeek(db: Database, workspaceId: string, options: { from: Date; to: Date; segment: TrendSegment }): Promise<TrendCount[]> {
	const segment = sql.raw(SEGMENT_COLUMN[options.segment]);
	const rows = await queryRows<{ signal_key: string; segment: string | null; week: string; hits: number | string }>(
		db,
		sql`select h.signal_key, ${segment} as segment,
				to_char(date_trunc('week', h.first_fired_at at time zone 'UTC'), 'YYYY-MM-DD') as week,
				count(*) as hits
			from signal_hit h
			join account a on a.id = h.account_id and a.workspace_id = h.workspace_id
			where h.workspace_id = ${workspaceId}::uuid
				and h.first_fired_at >= ${options.from.toISOString()}::timestamptz
				and h.first_fired_at < ${options.to.toISOString()}::timestamptz
			group by 1, 2, 3`
	);
	return rows.map((r) => ({ signalKey: r.signal_key, segment: r.segment, week: r.week, hits: Number(r.hits) }));
}
