/** Before/after backtests of the rules a playbook proposal rewrites, for its reviewers. */
import type { Database } from '../db/index';
import type { RuleChange } from '$lib/domain/playbook/signalChanges';
import type { BacktestPeriod } from '$lib/domain/scoring/backtestPeriod';
import { backtestRuleText, type RuleTextBacktest } from './backtestRule';

/** At most this many signals are backtested per proposal page (each is one pass over the store). */
export const MAX_BACKTESTED_CHANGES = 8;

export interface RuleChangeBacktest extends RuleChange {
	/** null when that side has no rule (an added or removed signal). */
	beforeBacktest: RuleTextBacktest | null;
	afterBacktest: RuleTextBacktest | null;
}

/** One after the other, so a proposal's backtests never take every database connection at once. */
export async function backtestRuleChanges(db: Database, workspaceId: string, changes: readonly RuleChange[], period: BacktestPeriod): Promise<RuleChangeBacktest[]> {
	const out: RuleChangeBacktest[] = [];
	for (const change of changes.slice(0, MAX_BACKTESTED_CHANGES)) {
		const run = (rule: string | null) => (rule === null ? Promise.resolve(null) : backtestRuleText(db, workspaceId, rule, period));
		out.push({ ...change, beforeBacktest: await run(change.before), afterBacktest: await run(change.after) });
	}
	return out;
}
