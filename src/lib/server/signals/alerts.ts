/** A person's signal alerts: the inbox, unread counts, marking read, and one alert's evidence. */
import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db/index';
import { account, activity, signalAlert, signalHit } from '../db/schema';
import type { ActivityType } from '$lib/domain/crm/activityTypes';

export interface InboxAlert {
	id: string;
	hitId: string;
	signalKey: string;
	signalName: string;
	template: string | null;
	reason: string;
	accountId: string;
	accountName: string;
	firstFiredAt: Date;
	/** Null while the hit is open. */
	closedAt: Date | null;
	evidenceCount: number;
	createdAt: Date;
	readAt: Date | null;
}

export async function listInbox(db: Database, workspaceId: string, userId: string, options: { unreadOnly?: boolean; limit?: number } = {}): Promise<InboxAlert[]> {
	return db
		.select({
			id: signalAlert.id,
			hitId: signalAlert.hitId,
			signalKey: signalHit.signalKey,
			signalName: signalAlert.signalName,
			template: signalAlert.template,
			reason: signalAlert.reason,
			accountId: signalHit.accountId,
			accountName: account.name,
			firstFiredAt: signalHit.firstFiredAt,
			closedAt: signalHit.closedAt,
			evidenceCount: sql<number>`cardinality(${signalHit.evidence})`,
			createdAt: signalAlert.createdAt,
			readAt: signalAlert.readAt
		})
		.from(signalAlert)
		.innerJoin(signalHit, eq(signalHit.id, signalAlert.hitId))
		.innerJoin(account, eq(account.id, signalHit.accountId))
		.where(and(eq(signalAlert.workspaceId, workspaceId), eq(signalAlert.userId, userId), options.unreadOnly ? isNull(signalAlert.readAt) : undefined))
		.orderBy(desc(signalAlert.createdAt), desc(signalAlert.id))
		.limit(options.limit ?? 200);
}

export async function countUnreadAlerts(db: Database, workspaceId: string, userId: string): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(signalAlert)
		.where(and(eq(signalAlert.workspaceId, workspaceId), eq(signalAlert.userId, userId), isNull(signalAlert.readAt)));
	return Number(row?.n ?? 0);
}

/** Marks the person's alerts read (the given ones, or all); returns how many changed. */
export async function markAlertsRead(db: Database, workspaceId: string, userId: string, alertIds: string[] | 'all', now = new Date()): Promise<number> {
	if (alertIds !== 'all' && alertIds.length === 0) return 0;
	const changed = await db
		.update(signalAlert)
		.set({ readAt: now })
		.where(
			and(
				eq(signalAlert.workspaceId, workspaceId),
				eq(signalAlert.userId, userId),
				isNull(signalAlert.readAt),
				alertIds === 'all' ? undefined : inArray(signalAlert.id, alertIds)
			)
		)
		.returning({ id: signalAlert.id });
	return changed.length;
}

export interface AlertEvidence {
	alert: InboxAlert;
	activities: { id: number; type: ActivityType; occurredAt: Date }[];
}

/** One of the person's alerts about this account, with its hit's evidence activities (oldest first). */
export async function getAlertEvidence(db: Database, workspaceId: string, userId: string, accountId: string, alertId: string): Promise<AlertEvidence | null> {
	const [found] = (await listInbox(db, workspaceId, userId, { limit: 1000 })).filter((a) => a.id === alertId && a.accountId === accountId);
	if (!found) return null;
	const [hit] = await db.select({ evidence: signalHit.evidence }).from(signalHit).where(and(eq(signalHit.workspaceId, workspaceId), eq(signalHit.id, found.hitId)));
	const ids = hit?.evidence ?? [];
	const activities =
		ids.length === 0
			? []
			: await db
					.select({ id: activity.id, type: activity.type, occurredAt: activity.occurredAt })
					.from(activity)
					.where(and(eq(activity.workspaceId, workspaceId), eq(activity.accountId, accountId), inArray(activity.id, ids)))
					.orderBy(activity.occurredAt, activity.id);
	return { alert: found, activities };
}
