import { and, count, eq, gte, sql, sum } from 'drizzle-orm';
import type { Database } from './db/index';
import { account, activity, deal } from './db/schema';
import { listOpenTasksFor } from './tasks';

/** The workspace home: the store at a glance, the latest touchpoints, and my open tasks. */
export async function loadOverview(db: Database, workspaceId: string, userId: string, now = new Date()) {
	const weekAgo = new Date(now.getTime() - 7 * 86400000);
	const [lifecycles, [pipeline], [week], recent, tasks] = await Promise.all([
		db
			.select({ lifecycle: account.lifecycle, n: count() })
			.from(account)
			.where(eq(account.workspaceId, workspaceId))
			.groupBy(account.lifecycle),
		db
			.select({ n: count(), value: sum(deal.amount).mapWith(Number) })
			.from(deal)
			.where(and(eq(deal.workspaceId, workspaceId), eq(deal.outcome, 'open'))),
		db
			.select({ n: count() })
			.from(activity)
			.where(and(eq(activity.workspaceId, workspaceId), gte(activity.occurredAt, weekAgo))),
		db
			.select({
				id: activity.id,
				type: activity.type,
				occurredAt: activity.occurredAt,
				properties: activity.properties,
				accountId: activity.accountId,
				accountName: account.name
			})
			.from(activity)
			.innerJoin(account, eq(account.id, activity.accountId))
			.where(eq(activity.workspaceId, workspaceId))
			.orderBy(sql`${activity.occurredAt} desc nulls last`) // matches activity_ws_time_idx, see timeline.ts
			.limit(12),
		listOpenTasksFor(db, workspaceId, userId, 10)
	]);
	return {
		accountsByLifecycle: Object.fromEntries(lifecycles.map((r) => [r.lifecycle, r.n])) as Record<string, number>,
		openDeals: pipeline?.n ?? 0,
		openPipelineValue: pipeline?.value ?? 0,
		activitiesThisWeek: week?.n ?? 0,
		recent,
		tasks
	};
}
