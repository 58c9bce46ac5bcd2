/**
 * What a calibration shows about its leads from the CRM: each lead's recent behaviour (activity by
 * type over the last 90 days, the latest touch), the signals firing on it now and the lead score
 * the playbook's current weights give it.
 */
import { and, count, desc, eq, gte, inArray, isNull, max } from 'drizzle-orm';
import type { Database } from '../db/index';
import { account, activity, signalHit } from '../db/schema';
import { loadDetectionPlan, type DetectionSignal } from '../signals/detectionSignals';
import { modelScore, type SignalFeatures } from '../../domain/scoring/calibrationWeights';

const DAY_MS = 86_400_000;
const ZERO_UUID = '00000000-0000-0000-0000-000000000000';

export interface CalibrationLeadInfo {
	id: string;
	name: string;
	lifecycle: string;
	industry: string | null;
	/** Activities by type in the last 90 days, most frequent first. */
	recent: { type: string; n: number }[];
	lastActivityAt: string | null;
	/** Signals firing now, with how much of each weight counts after decay. */
	firing: { signalId: string; name: string; weight: number; share: number }[];
	/** The lead score from the playbook's current weights. */
	modelScore: number;
}

/** How much of a weight still counts `ageMs` after its evidence (1 when the weight does not fade). */
export function decayShare(decayMs: number | null, ageMs: number): number {
	return decayMs === null ? 1 : Math.pow(0.5, Math.max(0, ageMs) / decayMs);
}

export interface ScoringSignals {
	signals: Pick<DetectionSignal, 'key' | 'name' | 'weight' | 'decayMs'>[];
	weights: Record<string, number>;
}

/** The stable signals that make up the lead score, and their current weights. */
export async function loadScoringSignals(db: Database, workspaceId: string): Promise<ScoringSignals> {
	const plan = await loadDetectionPlan(db, workspaceId);
	return { signals: plan.signals, weights: Object.fromEntries(plan.signals.map((s) => [s.key, s.weight])) };
}

/** Signal features now (open hits) of the accounts, by account id. */
export async function loadSignalFeatures(db: Database, workspaceId: string, accountIds: string[], scoring: ScoringSignals, now: Date): Promise<Map<string, SignalFeatures>> {
	const byKey = new Map(scoring.signals.map((s) => [s.key, s]));
	const open = await db
		.select({ accountId: signalHit.accountId, key: signalHit.signalKey, evidenceAt: signalHit.evidenceAt, firstFiredAt: signalHit.firstFiredAt })
		.from(signalHit)
		.where(and(eq(signalHit.workspaceId, workspaceId), inArray(signalHit.accountId, accountIds.length ? accountIds : [ZERO_UUID]), isNull(signalHit.closedAt)));
	const features = new Map<string, Record<string, number>>(accountIds.map((id) => [id, {}]));
	for (const hit of open) {
		const signal = byKey.get(hit.key);
		if (!signal) continue;
		const since = hit.evidenceAt ?? hit.firstFiredAt;
		features.get(hit.accountId)![hit.key] = decayShare(signal.decayMs, now.getTime() - since.getTime());
	}
	return features;
}

/** The leads of a calibration as the live page shows them, in the order given. */
export async function loadCalibrationLeads(db: Database, workspaceId: string, accountIds: string[], now = new Date()): Promise<CalibrationLeadInfo[]> {
	if (accountIds.length === 0) return [];
	const since = new Date(now.getTime() - 90 * DAY_MS);
	const [accounts, recent, last, scoring] = await Promise.all([
		db
			.select({ id: account.id, name: account.name, lifecycle: account.lifecycle, industry: account.industry })
			.from(account)
			.where(and(eq(account.workspaceId, workspaceId), inArray(account.id, accountIds))),
		db
			.select({ accountId: activity.accountId, type: activity.type, n: count() })
			.from(activity)
			.where(and(eq(activity.workspaceId, workspaceId), inArray(activity.accountId, accountIds), gte(activity.occurredAt, since)))
			.groupBy(activity.accountId, activity.type)
			.orderBy(desc(count())),
		db
			.select({ accountId: activity.accountId, at: max(activity.occurredAt) })
			.from(activity)
			.where(and(eq(activity.workspaceId, workspaceId), inArray(activity.accountId, accountIds)))
			.groupBy(activity.accountId),
		loadScoringSignals(db, workspaceId)
	]);
	const features = await loadSignalFeatures(db, workspaceId, accountIds, scoring, now);
	const names = new Map(scoring.signals.map((s) => [s.key, s.name]));
	const byId = new Map(accounts.map((a) => [a.id, a]));
	return accountIds.flatMap((id) => {
		const a = byId.get(id);
		if (!a) return [];
		const f = features.get(id) ?? {};
		const lastAt = last.find((l) => l.accountId === id)?.at ?? null;
		return [
			{
				...a,
				recent: recent.filter((r) => r.accountId === id).map((r) => ({ type: r.type, n: r.n })),
				lastActivityAt: lastAt ? new Date(lastAt).toISOString() : null,
				firing: Object.entries(f).map(([signalId, share]) => ({ signalId, name: names.get(signalId) ?? signalId, weight: scoring.weights[signalId] ?? 0, share })),
				modelScore: modelScore(scoring.weights, f)
			}
		];
	});
}
