import { ACTIVITY_TYPE_INFO } from '../../domain/crm/activityTypes';
import type { activity } from '../db/schema';
import { addCustomerActivities } from './customerActivities';
import { DraftTimeline, type StoryContext } from './draftTimeline';
import { addFiller } from './fillerActivities';
import { addFunnelActivities } from './funnelActivities';
import type { AccountPlan } from './planAccounts';
import { createRandom } from '../../domain/random';

export type ActivityRow = typeof activity.$inferInsert;

/**
 * Writes one account's story as activity rows, oldest first. The planted story is drawn first
 * from the account's own seed, so a different budget only changes the background events.
 */
export function buildAccountActivities(
	plan: AccountPlan,
	context: StoryContext,
	workspaceId: string,
	budget: number
): ActivityRow[] {
	const timeline = new DraftTimeline(createRandom(plan.seed), plan, context);
	addFunnelActivities(timeline);
	if (plan.customer) addCustomerActivities(timeline, plan.customer);
	addFiller(timeline, budget - timeline.count);
	const drafts = timeline.drafts.sort((a, b) => a.at - b.at);
	return drafts.map((d) => {
		const at = new Date(d.at);
		return {
			workspaceId,
			accountId: plan.id,
			contactId: d.contactId,
			type: d.type,
			occurredAt: at,
			department: ACTIVITY_TYPE_INFO[d.type].department,
			actorId: d.actorId,
			properties: d.properties,
			createdAt: at
		};
	});
}
