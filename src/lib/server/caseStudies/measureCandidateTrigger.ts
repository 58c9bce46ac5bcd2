/**
 * Measures a candidate trigger (a rule text) against an outcome over the whole workspace, with
 * the rule compiled to SQL. The accounts measured are the ones that have been customers
 * (lifecycle customer or churned) or had the outcome. Each is looked at from its outcome (the
 * rule run as of just before it, for that account) or, without one, from now (one run over the
 * workspace): it shows the trigger when the rule held at some time in the `lookbackDays` before
 * that point, and the firing counts from the onset of its latest occurrence.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index';
import { queryRows } from '../db/rows';
import { runCompiledRule, type RuleHit } from '../signals/runCompiledRule';
import { RuleCompileError } from '../signals/compileRule';
import { describeRule, parseRule } from '../../domain/signals';
import { OUTCOMES, type OutcomeKind } from '../../domain/caseStudies/outcomes';
import { measureTrigger, type TriggerCase, type TriggerMeasures } from '../../domain/scoring/triggerMeasures';

export type TriggerMeasurement =
	| { ok: true; rule: string; words: string; lookbackDays: number; measures: TriggerMeasures }
	| { ok: false; rule: string; problems: string[] };

/** Longest rule text accepted (a signal block's rule is a line or a few). */
export const MAX_RULE_LENGTH = 2000;

export const DEFAULT_LOOKBACK_DAYS = 90;
export const LOOKBACK_CHOICES = [30, 60, 90, 180, 365] as const;
const DAY_MS = 86_400_000;

/** The onset of the latest occurrence when it held during (point - lookback, point]; else null. */
function firingInWindow(hit: RuleHit | undefined, point: Date, lookbackDays: number): Date | null {
	if (!hit) return null;
	const since = point.getTime() - lookbackDays * DAY_MS;
	const held = hit.holdsNow || (hit.lastEndedAt !== null && hit.lastEndedAt.getTime() > since);
	return held ? hit.lastStartedAt : null;
}

export async function measureCandidateTrigger(
	db: Database,
	workspaceId: string,
	kind: OutcomeKind,
	ruleText: string,
	options: { now?: Date; lookbackDays?: number } = {}
): Promise<TriggerMeasurement> {
	const now = options.now ?? new Date();
	const lookbackDays = options.lookbackDays ?? DEFAULT_LOOKBACK_DAYS;
	const text = ruleText.trim();
	if (!text) return { ok: false, rule: text, problems: ['Type a rule to measure, e.g. lifecycle = customer and no(product_login) for 21d.'] };
	if (text.length > MAX_RULE_LENGTH) return { ok: false, rule: text, problems: [`Keep the rule under ${MAX_RULE_LENGTH} characters.`] };
	const parsed = parseRule(text);
	if (!parsed.ok) return { ok: false, rule: text, problems: [parsed.error.message] };
	// `lifecycle` reads the stage at each moment, so a churned account is the customer it was before.
	const rule = parsed.rule;
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
	const cases: TriggerCase[] = [];
	try {
		// Accounts without the outcome: the window before now, in one run over the workspace.
		const current = new Map((await runCompiledRule(db, rule, { workspaceId, now, evidence: 'last' })).map((h) => [h.accountId, h]));
		for (const p of population.filter((x) => x.outcome_at === null)) {
			cases.push({ accountId: p.id, outcomeAt: null, firedAt: firingInWindow(current.get(p.id), now, lookbackDays) });
		}
		// Accounts with the outcome: the window before it, the rule run as of just before the outcome.
		for (const p of population.filter((x) => x.outcome_at !== null)) {
			const outcomeAt = new Date(p.outcome_at!);
			const [hit] = await runCompiledRule(db, rule, { workspaceId, now: new Date(outcomeAt.getTime() - 1), accountIds: [p.id], evidence: 'last' });
			cases.push({ accountId: p.id, outcomeAt, firedAt: firingInWindow(hit, outcomeAt, lookbackDays) });
		}
	} catch (e) {
		if (e instanceof RuleCompileError) return { ok: false, rule: text, problems: [e.message] };
		throw e;
	}
	const measures = measureTrigger(cases);
	return { ok: true, rule: text, words: describeRule(parsed.rule), lookbackDays, measures };
}
