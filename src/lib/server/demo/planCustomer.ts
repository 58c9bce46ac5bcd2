import type { Plan } from '../../domain/crm/vocabulary';
import { CHURN_REASONS } from './customerCatalog';
import { priceOf } from './planFunnel';
import type { Quotas, Random } from '../../domain/random';
import { DAY, atWorkHour, type DemoWindow } from './time';

export type PlanChangeKind = 'renewal' | 'upgrade' | 'downgrade';

export interface PlanChange {
	kind: PlanChangeKind;
	at: number;
	from: Plan;
	to: Plan;
	/** ARR after the change. */
	arr: number;
}

/** Life after the purchase: renewals, plan changes, churn, and the behaviour that preceded them. */
export interface CustomerPlan {
	since: number;
	billing: 'annual' | 'monthly';
	startPlan: Plan;
	startArr: number;
	changes: PlanChange[];
	churnAt: number | null;
	churnReason: string | null;
	/** Pattern 2: success/sales touchpoints between onboarding (first 30 days) and renewal or churn. */
	touchpoints: boolean;
	/** Last product login; weeks before churn for most churned customers. */
	lastLoginAt: number;
	/** A 10-16 day holiday without logins for some retained customers (noise for "no login in 10 days"). */
	loginBreak: readonly [number, number] | null;
	/** Pattern 4: tickets asking about enterprise features, mostly shortly before an upgrade to enterprise. */
	enterpriseTicketsAt: number[];
	/** Churn moment, or the window's end for customers who stayed. */
	endAt: number;
	finalPlan: Plan;
	finalArr: number;
}

/** Day 30 ends onboarding; planned gap touchpoints start after a margin so day rounding cannot blur them. */
export const ONBOARDING_DAYS = 30;
export const GAP_START_DAYS = 35;

const roundArr = (arr: number) => Math.round(arr / 100) * 100;

function planChurn(
	random: Random,
	window: DemoWindow,
	since: number,
	billing: 'annual' | 'monthly',
	plan: Plan,
	stay: boolean
) {
	if (stay) return null;
	const renewalAt = since + 365 * DAY;
	if (billing === 'annual') {
		const due = renewalAt < window.now - DAY;
		return due && random.chance(plan === 'enterprise' ? 0.15 : 0.33) ? renewalAt : null;
	}
	const earliest = since + 75 * DAY;
	const latest = window.now - 3 * DAY;
	return earliest < latest && random.chance(0.45) ? atWorkHour(random, random.between(earliest, latest)) : null;
}

function planUpgradeOrDowngrade(
	random: Random,
	plan: Plan,
	since: number,
	endAt: number,
	churning: boolean
): PlanChange | null {
	if (endAt - since < 110 * DAY) return null;
	const at = atWorkHour(random, random.between(since + 75 * DAY, endAt - 25 * DAY));
	if (plan === 'pro' && random.chance(churning ? 0.03 : 0.35))
		return { kind: 'upgrade', at, from: 'pro', to: 'enterprise', arr: 0 };
	if (plan === 'starter' && random.chance(churning ? 0.03 : 0.2))
		return { kind: 'upgrade', at, from: 'starter', to: 'pro', arr: 0 };
	if (plan !== 'starter' && random.chance(churning ? 0.45 : 0.2)) {
		return { kind: 'downgrade', at, from: plan, to: plan === 'enterprise' ? 'pro' : 'starter', arr: 0 };
	}
	return null;
}

/**
 * Plans a customer's life from the won deal. Churned customers mostly had no touchpoint after
 * onboarding and went quiet 3-9 weeks before leaving (pattern 2); upgrades to enterprise are
 * mostly preceded by enterprise-feature tickets (pattern 4). `stay` forces a loyal customer.
 */
export function planCustomer(
	random: Random,
	quotas: Quotas,
	window: DemoWindow,
	since: number,
	plan: Plan,
	arr: number,
	stay = false
): CustomerPlan {
	const billing = plan === 'starter' && random.chance(0.5) ? 'monthly' : 'annual';
	const churnAt = planChurn(random, window, since, billing, plan, stay);
	const endAt = churnAt ?? window.now;
	const renews = churnAt === null && billing === 'annual' && since + 365 * DAY < endAt;
	const touchpoints =
		stay ||
		(churnAt !== null
			? quotas.take('touch:churned', 0.15)
			: quotas.take(renews ? 'touch:renews' : 'touch:active', 0.82));

	const changes: PlanChange[] = [];
	// Plan changes go through a CSM, so only accounts that had touchpoints get them.
	const change = touchpoints ? planUpgradeOrDowngrade(random, plan, since, endAt, churnAt !== null) : null;
	const renewalAt = since + 365 * DAY;
	if (change) changes.push(change);
	if (billing === 'annual' && renewalAt < endAt)
		changes.push({ kind: 'renewal', at: renewalAt, from: plan, to: plan, arr: 0 });
	changes.sort((a, b) => a.at - b.at);
	let current = { plan, arr };
	for (const c of changes) {
		c.from = current.plan;
		if (c.kind === 'renewal') c.to = current.plan;
		c.arr = c.kind === 'renewal' ? roundArr(current.arr * random.between(1, 1.07)) : priceOf(random, c.to);
		current = { plan: c.to, arr: c.arr };
	}

	const enterpriseTicketsAt: number[] = [];
	const upgrade = change?.kind === 'upgrade' && change.to === 'enterprise' ? change : null;
	if (upgrade && quotas.take('asked-before-upgrade', 0.85)) {
		for (let i = random.int(1, 2); i > 0; i--) {
			enterpriseTicketsAt.push(atWorkHour(random, Math.max(since + 7 * DAY, upgrade.at - random.int(7, 55) * DAY)));
		}
	} else if (
		!upgrade &&
		plan !== 'enterprise' &&
		current.plan !== 'enterprise' &&
		endAt - since > 40 * DAY &&
		random.chance(0.06)
	) {
		enterpriseTicketsAt.push(atWorkHour(random, random.between(since + 20 * DAY, endAt - 5 * DAY)));
	}

	let lastLoginAt = window.now - random.int(0, 36) * 3600_000;
	let loginBreak: readonly [number, number] | null = null;
	if (churnAt !== null) {
		const silent = quotas.take('quiet-before-churn', 0.85) ? random.int(22, 65) : random.int(2, 9);
		lastLoginAt = Math.max(since + 40 * DAY, churnAt - silent * DAY);
	} else if (random.chance(0.15) && window.now - since > 90 * DAY) {
		const from = random.between(since + 45 * DAY, window.now - 25 * DAY);
		loginBreak = [from, from + random.int(10, 16) * DAY];
	}

	return {
		since,
		billing,
		startPlan: plan,
		startArr: arr,
		changes,
		churnAt,
		churnReason: churnAt === null ? null : random.pick(CHURN_REASONS),
		touchpoints,
		lastLoginAt: Math.min(lastLoginAt, endAt),
		loginBreak,
		enterpriseTicketsAt,
		endAt,
		finalPlan: current.plan,
		finalArr: churnAt === null ? current.arr : 0
	};
}
