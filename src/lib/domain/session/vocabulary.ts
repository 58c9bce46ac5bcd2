/** The fixed words and limits of a practice session, shared by schemas, reducer and UI. */

export const EXERCISES = [
	'signal-spotting',
	'timeline-walkthrough',
	'lead-calibration',
	'churn-case-study',
	'upsell-review'
] as const;
export type Exercise = (typeof EXERCISES)[number];

export const EXERCISE_LABELS: Record<Exercise, string> = {
	'signal-spotting': 'Signal spotting challenge',
	'timeline-walkthrough': 'Timeline walkthrough',
	'lead-calibration': 'Lead qualification calibration',
	'churn-case-study': 'Churn case study',
	'upsell-review': 'Upsell predictor review'
};

export const POLARITIES = ['positive', 'risk'] as const;
export type Polarity = (typeof POLARITIES)[number];

export const WIN_KINDS = ['saved-account', 'upsell', 'closed-deal', 'other'] as const;
export type WinKind = (typeof WIN_KINDS)[number];

export const WIN_KIND_LABELS: Record<WinKind, string> = {
	'saved-account': 'Saved account',
	upsell: 'Upsell',
	'closed-deal': 'Closed deal',
	other: 'Other win'
};

export const SESSION_STATUSES = ['planned', 'live', 'ended'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/**
 * Upper bounds on what one session holds. They keep a session's state small enough to replay
 * and send to a late joiner at once; a real session stays far below them.
 */
export const LIMITS = {
	agendaItems: 20,
	itemMinutes: { min: 1, max: 180 },
	itemTitle: 120,
	itemAccounts: 20,
	sessionTitle: 120,
	objective: 500,
	participants: 200,
	extendMinutes: { min: 1, max: 60 },
	interpretation: 280,
	signalName: 80,
	answerNote: 280,
	insight: 1000,
	actionTitle: 200,
	playbookChange: 2000,
	evidenceTags: 50,
	winText: 500,
	ratingReason: 500,
	calibrationCriteria: 4000,
	tags: 10_000,
	insights: 1000,
	actionItems: 500,
	playbookChanges: 200,
	wins: 200
} as const;
