/**
 * An account's lifecycle stage as a function of time, read from its timeline, so a rule such as
 * `lifecycle = customer and no(product_login) for 21d` asks what the account was at each moment,
 * not what it is today. The SQL compiler (src/lib/server/signals/lifecycleSql.ts) follows the
 * same definition:
 * - a `purchase` makes the account a `customer` from that instant, a `churned` makes it `churned`
 *   (a later purchase makes it a customer again); at equal times the higher activity id is later;
 * - before the first of them it was what that first one left: a `prospect` before a purchase,
 *   a `customer` before a churn (whose purchase the store does not hold);
 * - an account with neither reads its stored stage over its whole history (a lead stays a lead,
 *   a customer imported without its purchase is a customer throughout).
 * The stage at a moment does not depend on when the rule is evaluated: run as of the day before a
 * churn, the account is the customer it then was. On consistent data (stored `customer` after a
 * last purchase, `churned` after a last churn) the stage now is the stored one; where they
 * disagree, the timeline wins.
 */

/** The activity types that change the stage, the stage each starts, and the stage before it. */
export const LIFECYCLE_EVENTS = {
	purchase: { after: 'customer', before: 'prospect' },
	churned: { after: 'churned', before: 'customer' }
} as const;

export type LifecycleEventType = keyof typeof LIFECYCLE_EVENTS;

export function isLifecycleEvent(type: string): type is LifecycleEventType {
	return Object.hasOwn(LIFECYCLE_EVENTS, type);
}

export interface LifecycleStep {
	/** The stage on [from, to): ms since the epoch. */
	from: number;
	to: number;
	lifecycle: string;
}

/**
 * The account's stage over [start, end), as consecutive steps (empty ones left out).
 * `events` are the account's activities in (time, id) order; only purchases and churns count,
 * including those after `end`: a churn next month says the account is a customer until then.
 */
export function lifecycleSteps(
	events: readonly { type: string; at: number }[],
	stored: string,
	range: { start: number; end: number }
): LifecycleStep[] {
	const changes = events.filter((e) => isLifecycleEvent(e.type)) as { type: LifecycleEventType; at: number }[];
	if (changes.length === 0) return [{ from: range.start, to: range.end, lifecycle: stored }];
	const steps: LifecycleStep[] = [{ from: range.start, to: changes[0].at, lifecycle: LIFECYCLE_EVENTS[changes[0].type].before }];
	changes.forEach((e, i) => {
		steps.push({ from: e.at, to: changes[i + 1]?.at ?? range.end, lifecycle: LIFECYCLE_EVENTS[e.type].after });
	});
	return steps
		.map((s) => ({ ...s, from: Math.max(s.from, range.start), to: Math.min(s.to, range.end) }))
		.filter((s) => s.from < s.to);
}
