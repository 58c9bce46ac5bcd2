/**
 * Measures a candidate trigger (a rule text) against an outcome over the whole workspace: the
 * rule compiled to SQL gives each account's first firing; the accounts measured are the ones
 * that have been customers (lifecycle customer or churned) or had the outcome.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index';
import { queryRows } from '../db/rows';
import { runCompiledRule } from '../signals/runCompiledRule';
import { RuleCompileError } from '../signals/compileRule';
import { describeRule, parseRule } from '../../domain/signals';
import { ruleBeforeChurn } from '../../domain/caseStudies/ruleBeforeOutcome';
import { OUTCOMES, type OutcomeKind } from '../../domain/caseStudies/outcomes';
import { measureTrigger, type TriggerMeasures } from '../../domain/scoring/triggerMeasures';

export type TriggerMeasurement =
	| { ok: true; rule: string; words: string; measures: TriggerMeasures }
	| { ok: false; rule: string; problems: string[] };

/** Longest rule text accepted (a signal block's rule is a line or a few). */
export const MAX_RULE_LENGTH = 2000;

export async function measureCandidateTrigger(
	db: Database,
	workspaceId: string,
	kind: OutcomeKind,
	ruleText: string,
	now = new Date()
): Promise<TriggerMeasurement> {
	const text = ruleText.trim();
	if (!text) return { ok: false, rule: text, problems: ['Type a rule to measure, e.g. lifecycle = customer and no(product_login) for 21d.'] };
	if (text.length > MAX_RULE_LENGTH) return { ok: false, rule: text, problems: [`Keep the rule under ${MAX_RULE_LENGTH} characters.`] };
	const parsed = parseRule(text);
	if (!parsed.ok) return { ok: false, rule: text, problems: [parsed.error.message] };
	const rule = kind === 'churn' ? ruleBeforeChurn(parsed.rule) : parsed.rule;
	const type = OUTCOMES[kind].activity;
	const population = await queryRows<{ id: string; outcome_at: Date | string | null }>(
		db,
		sql`
		select a.id, o.at as outcome_at
		from account a
		left join (select account_id, min(occurred_at) as at from activity
			where workspace_id = ${workspaceId} and type = ${type} and occurred_at <= ${now.toISOString()}::timestamptz group by account_id) o on o.account_id = a.id
		where a.workspace_id = ${workspaceId} and (a.lifecycle in ('customer', 'churned') or o.at is not null)`
	);
	let hits;
	try {
		hits = await runCompiledRule(db, rule, { workspaceId, now, evidence: 'last' });
	} catch (e) {
		if (e instanceof RuleCompileError) return { ok: false, rule: text, problems: [e.message] };
		throw e;
	}
	const firstFired = new Map(hits.map((h) => [h.accountId, h.firstFiredAt]));
	const measures = measureTrigger(
		population.map((p) => ({
			accountId: p.id,
			outcomeAt: p.outcome_at === null ? null : new Date(p.outcome_at),
			firstFiredAt: firstFired.get(p.id) ?? null
		}))
	);
	return { ok: true, rule: text, words: describeRule(parsed.rule), measures };
}
