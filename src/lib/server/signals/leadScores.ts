/** Lead scores from the open signal hits and the current playbook's weights and decay. */
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db/index';
import { signalHit } from '../db/schema';
import { scoreLead, type LeadScore } from '$lib/domain/scoring/leadScore';
import { loadDetectionPlan } from './detectionSignals';

/** The account's score as of `now`, with each firing signal's part. */
export async function scoreAccount(db: Database, workspaceId: string, accountId: string, now = new Date()): Promise<LeadScore> {
	const plan = await loadDetectionPlan(db, workspaceId);
	const open = await db
		.select({ signalKey: signalHit.signalKey, firstFiredAt: signalHit.firstFiredAt, evidenceAt: signalHit.evidenceAt })
		.from(signalHit)
		.where(and(eq(signalHit.workspaceId, workspaceId), eq(signalHit.accountId, accountId), isNull(signalHit.closedAt)));
	const byKey = new Map(plan.signals.map((s) => [s.key, s]));
	const firing = open.flatMap((h) => {
		const s = byKey.get(h.signalKey);
		return s ? [{ signalId: s.key, name: s.name, weight: s.weight, decayMs: s.decayMs, evidenceAt: h.evidenceAt, firstFiredAt: h.firstFiredAt }] : [];
	});
	return scoreLead(firing, now);
}
