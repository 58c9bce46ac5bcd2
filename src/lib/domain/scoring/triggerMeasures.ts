/**
 * How well a candidate trigger (a rule) announced an outcome (churn, upgrade) across a set of
 * accounts: recall, precision, base rate, lift and the median lead time. Pure: the caller says
 * for each account when the outcome happened (if it did) and when the trigger first fired.
 *
 * Each account is looked at from one observation point: its outcome, or now for an account without
 * one. The caller gives when the firing that counts started: the onset of the latest occurrence
 * that held during the lookback window before that point (null when none did). An account
 * "shows the trigger" when such a firing started before its outcome: a firing from the outcome
 * on announced nothing. Comparing the window before each churn with the last window of the
 * accounts that stayed keeps a rule that fires for everyone now and then from looking predictive.
 */
import { median } from 'simple-statistics';

export interface TriggerCase {
	accountId: string;
	/** When the outcome happened; null when it did not. */
	outcomeAt: Date | null;
	/** When the firing that counts started (see above); null when the trigger did not fire in the window. */
	firedAt: Date | null;
}

export interface TriggerMeasures {
	/** Accounts measured. */
	accounts: number;
	/** Accounts with the outcome. */
	outcomes: number;
	/** Accounts showing the trigger (before their outcome, if any). */
	showing: number;
	/** Outcome accounts that showed the trigger beforehand. */
	caught: number;
	/** caught / outcomes; null without outcomes. */
	recall: number | null;
	/** caught / showing; null when no account showed it. */
	precision: number | null;
	/** outcomes / accounts; null without accounts. */
	baseRate: number | null;
	/** precision / baseRate; null when either is null or the base rate is 0. */
	lift: number | null;
	/** Median days from the firing's start to the outcome, over the caught accounts. */
	medianLeadDays: number | null;
	/** Each caught account's lead time in days, longest first. */
	leadDays: number[];
}

const DAY_MS = 86_400_000;

/** True when the trigger fired before the account's outcome (or at all, without an outcome). */
export function showsTrigger(c: TriggerCase): boolean {
	if (c.firedAt === null) return false;
	return c.outcomeAt === null || c.firedAt.getTime() < c.outcomeAt.getTime();
}

/** Measures a trigger over the given accounts (each account once). */
export function measureTrigger(cases: readonly TriggerCase[]): TriggerMeasures {
	const outcomes = cases.filter((c) => c.outcomeAt !== null);
	const showing = cases.filter(showsTrigger);
	const caught = showing.filter((c) => c.outcomeAt !== null);
	const leadDays = caught.map((c) => (c.outcomeAt!.getTime() - c.firedAt!.getTime()) / DAY_MS).sort((a, b) => b - a);
	const recall = outcomes.length ? caught.length / outcomes.length : null;
	const precision = showing.length ? caught.length / showing.length : null;
	const baseRate = cases.length ? outcomes.length / cases.length : null;
	return {
		accounts: cases.length,
		outcomes: outcomes.length,
		showing: showing.length,
		caught: caught.length,
		recall,
		precision,
		baseRate,
		lift: precision !== null && baseRate ? precision / baseRate : null,
		medianLeadDays: leadDays.length ? median(leadDays) : null,
		leadDays
	};
}

/** "42%" (no decimals), or "n/a". */
export function formatShare(value: number | null): string {
	return value === null ? 'n/a' : `${Math.round(value * 100)}%`;
}

/** "2.4×", or "n/a". */
export function formatLift(value: number | null): string {
	return value === null ? 'n/a' : `${value.toFixed(1)}×`;
}

/** "23 days" (one decimal below 10), or "n/a". */
export function formatLeadDays(value: number | null): string {
	if (value === null) return 'n/a';
	const shown = value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
	return `${shown} day${shown === 1 ? '' : 's'}`;
}
