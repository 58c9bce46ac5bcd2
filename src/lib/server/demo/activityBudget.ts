import type { AccountPlan } from './planAccounts';
import { DAY } from './time';

/** How much an account gets talked about: customers most (product use), quiet leads least. */
function weightOf(plan: AccountPlan): number {
	const c = plan.customer;
	if (c) return 1 + (c.endAt - c.since) / (120 * DAY) + (c.startPlan === 'enterprise' ? 0.5 : 0);
	return plan.funnel.journey === 'lead' ? 0.4 : plan.funnel.journey === 'lost' ? 0.8 : 1;
}

/**
 * Shares a total activity count among accounts in order. Each account's share is recomputed
 * from what is still left, so when an account's planted story outgrows its share the later
 * accounts get a little less and the total still lands on target.
 */
export class ActivityBudget {
	private remaining: number;
	private remainingWeight: number;

	constructor(
		total: number,
		plans: readonly AccountPlan[],
		/** A fixed count for the first account (the heavy one), outside the shared pool. */
		private readonly heavy?: number
	) {
		this.remaining = total - (heavy ?? 0);
		this.remainingWeight = plans.reduce((sum, p) => sum + (this.isHeavy(p) ? 0 : weightOf(p)), 0);
	}

	private isHeavy(plan: AccountPlan): boolean {
		return this.heavy !== undefined && plan.index === 0;
	}

	/** The target for this account; call `spend` with what it really produced. */
	shareOf(plan: AccountPlan): number {
		if (this.isHeavy(plan)) return this.heavy ?? 0;
		if (this.remainingWeight <= 0) return Math.max(0, this.remaining);
		return Math.max(0, Math.round((this.remaining * weightOf(plan)) / this.remainingWeight));
	}

	spend(plan: AccountPlan, produced: number): void {
		if (this.isHeavy(plan)) return;
		this.remaining -= produced;
		this.remainingWeight -= weightOf(plan);
	}
}
