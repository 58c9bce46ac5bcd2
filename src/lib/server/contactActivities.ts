import { and, count, desc, eq } from 'drizzle-orm';
import type { Database } from './db/index';
import { activity } from './db/schema';

/** A contact's own activities, newest first, with how many there are (activity_contact_idx). */
export async function listContactActivities(db: Database, workspaceId: string, contactId: string, limit = 50) {
	const where = and(eq(activity.workspaceId, workspaceId), eq(activity.contactId, contactId));
	const [{ total }] = await db.select({ total: count() }).from(activity).where(where);
	const rows = await db
		.select({ id: activity.id, type: activity.type, occurredAt: activity.occurredAt, department: activity.department, properties: activity.properties })
		.from(activity)
		.where(where)
		.orderBy(desc(activity.occurredAt), desc(activity.id))
		.limit(limit);
	return { total, rows };
}
