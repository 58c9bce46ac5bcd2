import type { Database } from '../db/index';
import { loadRuleTimelines } from '../signals/evaluateAccounts';
import { getCurrentRevision } from './revisions';
import { listSignals, type ListedSignal } from '../../domain/playbook/signalBlock';
import { describeRule, evaluateRules, parseRule, type RuleEvaluation } from '../../domain/signals';
import { listRuleEventTypes } from '../../domain/signals/ruleEventTypes';

export interface AccountSignal {
	id: string;
	name: string;
	family: ListedSignal['family'];
	status: ListedSignal['status'];
	sectionSlug: string;
	words: string;
	evaluation: RuleEvaluation;
}

/**
 * Runs the current playbook's signals over one account's whole timeline, in memory (the same
 * evaluator a session uses), and returns those that fired with their evidence.
 */
export async function evaluateAccountSignals(
	db: Database,
	workspaceId: string,
	accountId: string,
	options: { statuses?: ListedSignal['status'][]; now?: Date } = {}
): Promise<AccountSignal[]> {
	const statuses = options.statuses ?? ['stable'];
	const now = options.now ?? new Date();
	const revision = await getCurrentRevision(db, workspaceId);
	const signals = listSignals(revision.document).signals.filter((s) => statuses.includes(s.status));
	if (signals.length === 0) return [];
	const rules = signals.map((signal) => ({ signal, parsed: parseRule(signal.rule) }));
	const types = [...new Set(rules.flatMap((p) => (p.parsed.ok ? [...listRuleEventTypes(p.parsed.rule)] : [])))];
	const timeline = (await loadRuleTimelines(db, workspaceId, [accountId], types)).get(accountId);
	if (!timeline) return [];
	// checkPlaybook keeps broken rules out of stable signals
	const parsedRules = rules.flatMap(({ signal, parsed }) => (parsed.ok ? [{ signal, rule: parsed.rule }] : []));
	const evaluations = evaluateRules(parsedRules.map((r) => r.rule), timeline, now);
	const fired: AccountSignal[] = [];
	for (const [i, { signal, rule }] of parsedRules.entries()) {
		const evaluation = evaluations[i];
		if (!evaluation.fires) continue;
		fired.push({
			id: signal.id,
			name: signal.name,
			family: signal.family,
			status: signal.status,
			sectionSlug: signal.sectionSlug,
			words: describeRule(rule),
			evaluation
		});
	}
	return fired;
}
