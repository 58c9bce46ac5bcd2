/** The signals detection runs: the current playbook revision's stable signals, parsed. */
import type { Database } from '../db/index';
import { getCurrentRevision, latestRevisionNumber } from '../playbook/revisions';
import { listSignals, type ListedSignal } from '$lib/domain/playbook/signalBlock';
import { signalAlerts, signalDecayMs, signalTask, type TaskSpec } from '$lib/domain/playbook/signalAutomation';
import { parseRule } from '$lib/domain/signals/parseRule';
import type { Rule } from '$lib/domain/signals/rule';

export interface DetectionSignal {
	key: string;
	name: string;
	family: ListedSignal['family'];
	action: string;
	rule: Rule;
	notify: ListedSignal['notify'];
	template: string | null;
	weight: number;
	decayMs: number | null;
	alerts: boolean;
	task: TaskSpec | null;
	sectionSlug: string;
}

export interface DetectionPlan {
	revision: number;
	signals: DetectionSignal[];
}

/** Reads a playbook document's stable signals for detection (broken rules are left out). */
export function toDetectionSignals(signals: ListedSignal[]): DetectionSignal[] {
	const out: DetectionSignal[] = [];
	for (const s of signals) {
		if (s.status !== 'stable') continue;
		const parsed = parseRule(s.rule);
		if (!parsed.ok) continue; // checkPlaybook refuses stable signals with broken rules
		out.push({
			key: s.id,
			name: s.name,
			family: s.family,
			action: s.action,
			rule: parsed.rule,
			notify: s.notify,
			template: s.template ?? null,
			weight: s.weight,
			decayMs: signalDecayMs(s),
			alerts: signalAlerts(s),
			task: signalTask(s),
			sectionSlug: s.sectionSlug
		});
	}
	return out;
}

/** Plans by workspace, for the revision they were read from (revisions are immutable). */
const plans = new Map<string, DetectionPlan>();

/** The plan this process last read for the workspace, if any (it may be a revision behind). */
export function cachedDetectionPlan(workspaceId: string): DetectionPlan | undefined {
	return plans.get(workspaceId);
}

/** The current revision's plan; parsed once per revision, then one small query per call. */
export async function loadDetectionPlan(db: Database, workspaceId: string): Promise<DetectionPlan> {
	const latest = await latestRevisionNumber(db, workspaceId);
	const cached = plans.get(workspaceId);
	if (cached && cached.revision === latest && latest > 0) return cached;
	const revision = await getCurrentRevision(db, workspaceId);
	const plan = { revision: revision.number, signals: toDetectionSignals(listSignals(revision.document).signals) };
	plans.set(workspaceId, plan);
	return plan;
}
