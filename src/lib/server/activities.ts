/** Activities logged by hand on an account, followed by signal detection for that account. */
import type { Database } from './db/index';
import { activity } from './db/schema';
import { assertReferences } from './references';
import { ACTIVITY_TYPE_INFO } from '$lib/domain/crm/activityTypes';
import { activityProperties, type ActivityInput } from '$lib/domain/crm/activityInput';
import { detectTouchedAccounts } from './signals/detectTouched';

/** Writes the activity (one transaction), then runs detection for its account after the commit. */
export async function logActivity(db: Database, workspaceId: string, accountId: string, actorId: string, input: ActivityInput, now = new Date()): Promise<number> {
	const id = await db.transaction(async (tx) => {
		const t = tx as unknown as Database;
		await assertReferences(t, workspaceId, { accountId, contactId: input.contactId });
		const [row] = await t
			.insert(activity)
			.values({
				workspaceId,
				accountId,
				contactId: input.contactId,
				type: input.type,
				occurredAt: input.occurredAt ? new Date(`${input.occurredAt}:00Z`) : now,
				department: ACTIVITY_TYPE_INFO[input.type].department,
				actorId,
				properties: activityProperties(input)
			})
			.returning({ id: activity.id });
		return row.id;
	});
	await detectTouchedAccounts(db, workspaceId, [accountId], { now, source: 'logging an activity' });
	return id;
}
