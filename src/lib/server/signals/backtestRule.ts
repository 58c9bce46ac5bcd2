/**
 * Backtests a rule on a workspace's store: the compiled rule as of the period's end gives the
 * accounts it held for at some moment in the period and the first such moment; the outcomes
 * (deals closed won or lost, churn activities) since the period's start are read in one query;
 * the statistics are src/lib/domain/scoring/backtest.ts.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index';
import { queryRows } from '../db/rows';
import { isDataException, isOutOfRange } from '../db/errors';
import type { Rule } from '$lib/domain/signals/rule';
import { summarizeBacktest, type AccountOutcome, type BacktestResult, type OutcomeKind } from '$lib/domain/scoring/backtest';
import type { BacktestPeriod } from '$lib/domain/scoring/backtestPeriod';
import { runCompiledRule } from './runCompiledRule';
import { RuleCompileError } from './compileRule';
import { parseRule } from '$lib/domain/signals/parseRule';
import { describeRule } from '$lib/domain/signals/describeRule';

/**
 * Outcomes at or after `since`, by account: closed deals (a close date counts as the end of that
 * UTC day, so a signal on the day a deal closed counts as before it) and `churned` activities.
 */
export async function listOutcomes(db: Database, workspaceId: string, since: Date): Promise<AccountOutcome[]> {
	const day = since.toISOString().slice(0, 10);
	const rows = await queryRows<{ account_id: string; kind: OutcomeKind; at: Date | string }>(
		db,
		sql`select d.account_id, d.outcome::text as kind,
				(d.close_on + 1)::timestamp at time zone 'UTC' - interval '1 millisecond' as at
			from deal d
			where d.workspace_id = ${workspaceId}::uuid and d.outcome in ('won', 'lost') and d.close_on >= ${day}::date
			union all
			select x.account_id, 'churned', x.occurred_at
			from activity x
			where x.workspace_id = ${workspaceId}::uuid and x.type = 'churned' and x.occurred_at >= ${since.toISOString()}::timestamptz
				and x.account_id is not null`
	);
	return rows.map((r) => ({ accountId: r.account_id, kind: r.kind, at: r.at instanceof Date ? r.at : new Date(r.at) }));
}

async function countAccounts(db: Database, workspaceId: string): Promise<number> {
	const [row] = await queryRows<{ n: number | string }>(db, sql`select count(*) as n from account where workspace_id = ${workspaceId}::uuid`);
	return Number(row?.n ?? 0);
}

/** How the rule would have done over the period on this workspace's accounts. */
export async function backtestRule(db: Database, workspaceId: string, rule: Rule, period: BacktestPeriod): Promise<BacktestResult> {
	const [hits, outcomes, accountCount] = await Promise.all([
		runCompiledRule(db, rule, { workspaceId, now: period.end, since: period.start, evidence: 'last' }),
		listOutcomes(db, workspaceId, period.start),
		countAccounts(db, workspaceId)
	]);
	const fired = hits.flatMap((h) => (h.firstHeldSince ? [{ accountId: h.accountId, firedAt: h.firstHeldSince }] : []));
	return summarizeBacktest({ period, accountCount, fired, outcomes });
}

export type RuleTextBacktest =
	| { ok: true; words: string; result: BacktestResult }
	| { ok: false; message: string; line?: number; column?: number };

export const MAX_RULE_LENGTH = 2000;

/**
 * Parses a rule text and backtests it; a rule that cannot be read or run gives the parser's (or
 * the compiler's) message instead, never an exception.
 */
export async function backtestRuleText(db: Database, workspaceId: string, text: string, period: BacktestPeriod): Promise<RuleTextBacktest> {
	if (text.length > MAX_RULE_LENGTH) return { ok: false, message: `The rule is ${text.length} characters long; keep it under ${MAX_RULE_LENGTH}.` };
	const parsed = parseRule(text);
	if (!parsed.ok) return { ok: false, message: parsed.error.message, line: parsed.error.line, column: parsed.error.column };
	try {
		return { ok: true, words: describeRule(parsed.rule), result: await backtestRule(db, workspaceId, parsed.rule, period) };
	} catch (e) {
		if (e instanceof RuleCompileError) return { ok: false, message: `This rule cannot be run on the store: ${e.message}.` };
		if (isOutOfRange(e)) return { ok: false, message: 'A number or duration in this rule is too large to compute with; use a smaller one.' };
		if (isDataException(e)) return { ok: false, message: 'A value in this rule cannot be computed with on the store; check its numbers, durations and quoted texts.' };
		throw e;
	}
}
