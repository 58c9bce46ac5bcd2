import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/index';
import { dataAudit } from '../db/schema';
import { loadHygieneReport } from './report';
import { getHygieneSettings } from './settings';

export type AuditTrigger = 'schedule' | 'manual';

/** Measures the workspace's data now and stores counts per problem and the score, for the trend. */
export async function runDataAudit(db: Database, workspaceId: string, options: { trigger: AuditTrigger; actorId?: string | null; now?: Date }) {
	const settings = await getHygieneSettings(db, workspaceId);
	const report = await loadHygieneReport(db, workspaceId, settings.staleDays, options.now ?? new Date(), 0);
	const [row] = await db
		.insert(dataAudit)
		.values({
			workspaceId,
			trigger: options.trigger,
			actorId: options.actorId ?? null,
			staleDays: settings.staleDays,
			counts: report.counts,
			score: report.quality.score,
			ranAt: options.now ?? new Date()
		})
		.returning();
	return row;
}

/** Stored audits, oldest first (the trend reads left to right), the latest `limit` of them. */
export async function listDataAudits(db: Database, workspaceId: string, limit = 24) {
	const rows = await db.select().from(dataAudit).where(eq(dataAudit.workspaceId, workspaceId)).orderBy(desc(dataAudit.ranAt)).limit(limit);
	return rows.reverse();
}

/** When the last scheduled audit ran (manual runs do not count toward the schedule). */
export async function lastScheduledAudit(db: Database, workspaceId: string): Promise<Date | null> {
	const [row] = await db
		.select({ at: sql<Date>`max(${dataAudit.ranAt})`.mapWith((v) => (v ? new Date(v) : null)) })
		.from(dataAudit)
		.where(and(eq(dataAudit.workspaceId, workspaceId), eq(dataAudit.trigger, 'schedule')));
	return (row?.at as Date | null) ?? null;
}
