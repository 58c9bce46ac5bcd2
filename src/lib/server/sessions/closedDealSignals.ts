/**
 * The signals holding on past won and lost deals' accounts when each deal closed: the history a
 * calibration's weights proposal is checked against (ROC AUC of won vs lost).
 */
import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Database } from '../db/index';
import { deal } from '../db/schema';
import { loadRuleTimelines } from '../signals/evaluateAccounts';
import { getCurrentRevision } from '../playbook/revisions';
import { listSignals } from '../../domain/playbook/signalBlock';
import { evaluateRules, parseRule } from '../../domain/signals';
import { listRuleEventTypes } from '../../domain/signals/ruleEventTypes';
import type { ClosedDealAccount } from '../../domain/scoring/calibrationWeights';
import { decayShare, type ScoringSignals } from './calibrationLeads';

/** Past deals checked per review, the latest first. */
export const HISTORY_DEALS = 200;

/**
 * The latest won or lost deals (up to HISTORY_DEALS) and the scoring signals holding on each deal's
 * account at the end of its close day: the playbook's stable rules run over the account's timeline
 * as of then, in memory (the evaluator sessions use), so no detection history is needed. Timelines
 * are read in a few queries for all the accounts. A weight decays from when the occurrence holding at
 * the close began. `lifecycle` is the stage at the close (read from purchases and churns); the other
 * account attributes (plan, ...) are today's: the store keeps no history of them.
 */
export async function loadClosedDealFeatures(db: Database, workspaceId: string, scoring: ScoringSignals): Promise<ClosedDealAccount[]> {
	const deals = await db
		.select({ accountId: deal.accountId, outcome: deal.outcome, closeOn: deal.closeOn })
		.from(deal)
		.where(and(eq(deal.workspaceId, workspaceId), inArray(deal.outcome, ['won', 'lost']), isNotNull(deal.closeOn)))
		.orderBy(desc(deal.closeOn), desc(deal.id))
		.limit(HISTORY_DEALS);
	if (deals.length === 0) return [];
	const scored = new Map(scoring.signals.map((s) => [s.key, s]));
	const revision = await getCurrentRevision(db, workspaceId);
	const rules = listSignals(revision.document).signals.flatMap((s) => {
		const parsed = parseRule(s.rule);
		return scored.has(s.id) && parsed.ok ? [{ id: s.id, rule: parsed.rule }] : [];
	});
	const accountIds = [...new Set(deals.map((d) => d.accountId))];
	const types = [...new Set(rules.flatMap((r) => [...listRuleEventTypes(r.rule)]))];
	const timelines = await loadRuleTimelines(db, workspaceId, accountIds, types);
	return deals.map((d) => {
		const closedAt = new Date(`${d.closeOn}T23:59:59.999Z`);
		const timeline = timelines.get(d.accountId);
		const features: Record<string, number> = {};
		if (timeline) {
			const evaluations = evaluateRules(rules.map((r) => r.rule), timeline, closedAt);
			for (const [i, { id }] of rules.entries()) {
				const evaluation = evaluations[i];
				if (!evaluation.holdsNow || !evaluation.lastStartedAt) continue;
				features[id] = decayShare(scored.get(id)!.decayMs, closedAt.getTime() - evaluation.lastStartedAt.getTime());
			}
		}
		return { won: d.outcome === 'won', features };
	});
}
