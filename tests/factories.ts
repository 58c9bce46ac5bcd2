import { membership, user, workspace, account, activity } from '../src/lib/server/db/schema';
import type { Database } from '../src/lib/server/db/index';
import type { Department, Role } from '../src/lib/domain/crm/vocabulary';
import type { ActivityType } from '../src/lib/domain/crm/activityTypes';
import { ACTIVITY_TYPE_INFO } from '../src/lib/domain/crm/activityTypes';

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

/** A workspace with no members (fast: no password hashing). */
export async function makeWorkspace(db: Database, name = 'Test workspace') {
	const [w] = await db.insert(workspace).values({ name, slug: `ws-${unique()}` }).returning();
	return w;
}

/** A user with a throwaway password hash (not usable to sign in), optionally a member of a workspace. */
export async function makeUser(db: Database, options: { workspaceId?: string; role?: Role; department?: Department; name?: string } = {}) {
	const id = unique();
	const [u] = await db
		.insert(user)
		.values({ email: `user-${id}@example.test`, name: options.name ?? `User ${id}`, passwordHash: 'not-a-hash' })
		.returning();
	if (options.workspaceId) {
		await db.insert(membership).values({
			workspaceId: options.workspaceId,
			userId: u.id,
			role: options.role ?? 'member',
			department: options.department ?? 'sales'
		});
	}
	return u;
}

export async function makeAccount(db: Database, workspaceId: string, fields: Partial<typeof account.$inferInsert> = {}) {
	const [a] = await db
		.insert(account)
		.values({ workspaceId, name: `Account ${unique()}`, ...fields })
		.returning();
	return a;
}

export async function makeActivities(
	db: Database,
	workspaceId: string,
	accountId: string,
	events: { type: ActivityType; at: Date | string; properties?: Record<string, unknown>; contactId?: string }[]
) {
	if (events.length === 0) return [];
	return db
		.insert(activity)
		.values(
			events.map((e) => ({
				workspaceId,
				accountId,
				contactId: e.contactId ?? null,
				type: e.type,
				occurredAt: new Date(e.at),
				department: ACTIVITY_TYPE_INFO[e.type].department,
				properties: e.properties ?? {}
			}))
		)
		.returning({ id: activity.id, occurredAt: activity.occurredAt, type: activity.type });
}
