/**
 * What a playbook signal asks automation to do when it fires: alert people, create a follow-up
 * task, count toward the lead score. Read from the signal block's fields (signalSchema.ts).
 */
import type { Department } from '../crm/vocabulary';
import { DECAY_SPEC, TASK_SPEC, type SignalFamily, type SignalFields } from './signalSchema';

/** Families whose hits alert people unless the signal says `alert: no`. */
export const ALERTING_FAMILIES: readonly SignalFamily[] = ['churn-risk', 'support-gap'];

/** Whether a hit of this signal creates alerts: `alert:` when written, else the family's default. */
export function signalAlerts(signal: Pick<SignalFields, 'family' | 'alert'>): boolean {
	if (signal.alert !== undefined) return signal.alert === 'yes';
	return ALERTING_FAMILIES.includes(signal.family);
}

export interface TaskSpec {
	/** 'owner' is the account's owner; a department means one of its members. */
	assignee: 'owner' | Department;
	dueInDays: number;
}

/** The follow-up task a hit creates, or null when the signal asks for none. */
export function signalTask(signal: Pick<SignalFields, 'task'>): TaskSpec | null {
	const m = signal.task ? TASK_SPEC.exec(signal.task) : null;
	if (!m) return null;
	return { assignee: m[1] as TaskSpec['assignee'], dueInDays: Number(m[2]) };
}

const DAY_MS = 86_400_000;

/** The weight's half-life in milliseconds, or null when the weight does not fade. */
export function signalDecayMs(signal: Pick<SignalFields, 'decay'>): number | null {
	const m = signal.decay ? DECAY_SPEC.exec(signal.decay) : null;
	if (!m) return null;
	return Number(m[1]) * (m[2] === 'w' ? 7 : 1) * DAY_MS;
}
