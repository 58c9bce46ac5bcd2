/**
 * The demo's two example smart lists, matching planted patterns: leads and prospects busy on the
 * site and in email (the buying journeys), and customers nobody has called or met for 100 days
 * (the customers planted without touchpoints between onboarding and renewal, most of whom churn).
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../db/index';
import { user } from '../db/schema';
import { saveSmartList } from '../commands/saveSmartList';
import type { DemoWorkspace } from './writeDemoWorkspace';

export const DEMO_SMART_LISTS = [
	{
		name: 'Highly engaged leads',
		description: 'Leads and prospects visiting the site often and clicking our emails or joining webinars this month: offer them a demo.',
		rule: 'count(web_visit) >= 3 within 30d\nand (count(email_clicked) >= 1 within 30d or count(webinar_attended) >= 1 within 30d)',
		filters: { lifecycle: ['lead', 'prospect'] }
	},
	{
		name: 'Customers silent since onboarding',
		description: 'Customers with no call and no meeting for 100 days: the pattern most churned customers shared. Book a check-in.',
		rule: 'no(call_logged) for 100d and no(meeting_held) for 100d',
		filters: { lifecycle: ['customer'] }
	}
] as const;

/** Saves the example lists (each with its first snapshot), made by the demo's facilitator. */
export async function seedDemoSmartLists(db: Database, demo: DemoWorkspace, now: Date): Promise<void> {
	const facilitator = demo.users.find((u) => u.role === 'facilitator') ?? demo.users[0];
	const [author] = await db.select({ id: user.id }).from(user).where(eq(user.email, facilitator.email));
	for (const list of DEMO_SMART_LISTS) {
		const saved = await saveSmartList(db, demo.workspaceId, author.id, list, { now });
		if (!saved.ok) throw new Error(`Demo smart list "${list.name}" was refused: ${JSON.stringify(saved.errors)}`);
	}
}
