import type { ActivityType } from '../../domain/crm/activityTypes';
import type { AccountPlan } from './planAccounts';
import type { Random } from '../../domain/random';
import type { DemoWindow } from './time';

/** One event before it becomes an activity row. */
export interface ActivityDraft {
	type: ActivityType;
	at: number;
	contactId: string | null;
	actorId: string | null;
	properties: Record<string, unknown>;
}

export interface StoryContext {
	window: DemoWindow;
	/** Demo user ids by profile key ('sales', 'success2', ...). */
	userIds: Readonly<Record<string, string>>;
	product: string;
}

interface Who {
	/** A contact id, true for a random contact of the account, or null/undefined for none. */
	contact?: string | boolean | null;
	/** A user profile key. */
	actor?: string | null;
}

/**
 * Collects one account's events. Moments outside the demo window are dropped: a ticket
 * planned to close after "now" simply stays open, like it would in a real CRM.
 */
export class DraftTimeline {
	readonly drafts: ActivityDraft[] = [];
	private serial = 0;

	constructor(
		readonly random: Random,
		readonly plan: AccountPlan,
		readonly context: StoryContext
	) {}

	get window(): DemoWindow {
		return this.context.window;
	}

	get count(): number {
		return this.drafts.length;
	}

	/** 1, 2, 3, ... per account: ticket numbers and the like. */
	nextSerial(): number {
		return ++this.serial;
	}

	randomContact(): string | null {
		const { contacts } = this.plan;
		return contacts.length ? this.random.pick(contacts).id : null;
	}

	/** The account's main contact (the first one), who answers most sales and success outreach. */
	champion(): string | null {
		return this.plan.contacts[0]?.id ?? null;
	}

	add(type: ActivityType, at: number, properties: Record<string, unknown> = {}, who: Who = {}): boolean {
		if (at < this.window.start || at >= this.window.now) return false;
		const contactId =
			who.contact === true ? this.randomContact() : typeof who.contact === 'string' ? who.contact : null;
		const actorId = who.actor ? (this.context.userIds[who.actor] ?? null) : null;
		this.drafts.push({ type, at: Math.floor(at), contactId, actorId, properties });
		return true;
	}
}
