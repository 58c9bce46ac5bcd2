/**
 * Backtest statistics: given the accounts a rule would have fired on in a period (and when it
 * first did, within the period) and the outcomes accounts had (deals closed won or lost, churn),
 * how often each outcome followed for those accounts versus the rest, and how early the rule
 * fired before it (median lead time in days).
 *
 * Which outcomes count: for a fired account, the first outcome of each kind at or after its first
 * firing in the period (an outcome before the signal is not one it could have warned of); for the
 * rest, the first outcome of each kind at or after the period's start. Outcomes may come after
 * the period's end: that is what a warning is for.
 */
import { median } from 'simple-statistics';

export const OUTCOME_KINDS = ['won', 'lost', 'churned'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];
export const OUTCOME_LABELS: Record<OutcomeKind, string> = { won: 'Closed won', lost: 'Closed lost', churned: 'Churned' };

export interface BacktestFiring {
	accountId: string;
	/** The first moment the rule held within the period. */
	firedAt: Date;
}

export interface AccountOutcome {
	accountId: string;
	kind: OutcomeKind;
	at: Date;
}

export interface BacktestInput {
	period: { start: Date; end: Date };
	/** Every account of the workspace considered (fired or not). */
	accountCount: number;
	fired: readonly BacktestFiring[];
	outcomes: readonly AccountOutcome[];
}

export interface GroupRate {
	/** Accounts of the group with the outcome. */
	count: number;
	/** Accounts in the group. */
	of: number;
	/** count / of, or null for an empty group. */
	rate: number | null;
}

export interface OutcomeFigures {
	kind: OutcomeKind;
	label: string;
	fired: GroupRate;
	rest: GroupRate;
	/** Median days from first firing to the outcome, over fired accounts that had it; null if none. */
	medianLeadDays: number | null;
}

export interface BacktestResult {
	period: { start: Date; end: Date };
	accountCount: number;
	firedCount: number;
	restCount: number;
	outcomes: OutcomeFigures[];
}

const DAY_MS = 86_400_000;

function rateOf(count: number, of: number): GroupRate {
	return { count, of, rate: of > 0 ? count / of : null };
}

/** The statistics of a backtest (see the module comment for which outcomes count). */
export function summarizeBacktest(input: BacktestInput): BacktestResult {
	const firedAt = new Map(input.fired.map((f) => [f.accountId, f.firedAt.getTime()]));
	const firedCount = firedAt.size;
	const restCount = Math.max(0, input.accountCount - firedCount);
	const start = input.period.start.getTime();
	const outcomes = OUTCOME_KINDS.map((kind): OutcomeFigures => {
		// The first counted outcome of this kind per account.
		const first = new Map<string, number>();
		for (const o of input.outcomes) {
			if (o.kind !== kind) continue;
			const at = o.at.getTime();
			const from = firedAt.get(o.accountId) ?? start;
			if (at < from) continue;
			const seen = first.get(o.accountId);
			if (seen === undefined || at < seen) first.set(o.accountId, at);
		}
		const leads: number[] = [];
		let restWith = 0;
		for (const [accountId, at] of first) {
			const fired = firedAt.get(accountId);
			if (fired === undefined) restWith++;
			else leads.push((at - fired) / DAY_MS);
		}
		return {
			kind,
			label: OUTCOME_LABELS[kind],
			fired: rateOf(leads.length, firedCount),
			rest: rateOf(restWith, restCount),
			medianLeadDays: leads.length > 0 ? Math.round(median(leads) * 10) / 10 : null
		};
	});
	return { period: input.period, accountCount: input.accountCount, firedCount, restCount, outcomes };
}

/** "40%" (a rate as a whole percentage), or "—" for an empty group. */
export function formatRate(rate: number | null): string {
	return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}
