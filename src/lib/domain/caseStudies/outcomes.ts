/** The two outcomes a case study looks back from: a churn or a plan upgrade. */
import type { ActivityType } from '../crm/activityTypes';
import type { SignalFamily } from '../playbook/signalSchema';

export const OUTCOME_KINDS = ['churn', 'upgrade'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

export const OUTCOMES: Record<
	OutcomeKind,
	{ activity: ActivityType; family: SignalFamily; title: string; noun: string; pastTense: string; exercise: 'churn-case-study' | 'upsell-review' }
> = {
	churn: { activity: 'churned', family: 'churn-risk', title: 'Churn case study', noun: 'churn', pastTense: 'churned', exercise: 'churn-case-study' },
	upgrade: { activity: 'plan_upgraded', family: 'upsell', title: 'Upsell predictor review', noun: 'upgrade', pastTense: 'upgraded', exercise: 'upsell-review' }
};

export function isOutcomeKind(value: string): value is OutcomeKind {
	return (OUTCOME_KINDS as readonly string[]).includes(value);
}

/** The outcome kind an agenda item's exercise looks back from; null for other exercises. */
export function outcomeOfExercise(exercise: string | null): OutcomeKind | null {
	return exercise === 'churn-case-study' ? 'churn' : exercise === 'upsell-review' ? 'upgrade' : null;
}
