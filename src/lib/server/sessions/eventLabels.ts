import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/index';
import { activity } from '../db/schema';
import { describeActivity } from '../../domain/crm/describeActivity';
import { ACTIVITY_TYPE_INFO } from '../../domain/crm/activityTypes';
import { formatDate } from '../../domain/format';

const MAX_EVENTS = 500;

/** Short readable names for timeline events ("Nov 22, 2026 · Email sent: …"), so analysis can say which event, not its id. */
export async function labelEvents(db: Database, workspaceId: string, activityIds: Iterable<number>): Promise<Record<number, string>> {
	const ids = [...new Set(activityIds)].slice(0, MAX_EVENTS);
	if (ids.length === 0) return {};
	const rows = await db
		.select({ id: activity.id, type: activity.type, occurredAt: activity.occurredAt, properties: activity.properties })
		.from(activity)
		.where(and(eq(activity.workspaceId, workspaceId), inArray(activity.id, ids)));
	return Object.fromEntries(
		rows.map((r) => {
			const summary = describeActivity(r.type, r.properties as Record<string, unknown>).summary;
			const label = ACTIVITY_TYPE_INFO[r.type].label;
			return [r.id, `${formatDate(r.occurredAt)} · ${summary === label ? label : `${label}: ${summary}`}`];
		})
	);
}
