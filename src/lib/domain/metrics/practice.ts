/** One month of practice impact (src/lib/server/metrics/practiceImpact.ts computes it). */
export interface PracticeMonth {
	month: string;
	sessionsHeld: number;
	winsRecorded: number;
	revisions: number;
	/** Session action items (as CRM tasks) due in the month, done or overdue by now. */
	actionItemsDue: number;
	actionItemsOnTime: number;
	churns: number;
	/** Churns a churn-risk signal fired on beforehand. */
	churnsWarned: number;
	/** Median days between the first churn-risk signal and the churn, over warned churns. */
	medianWarningDays: number | null;
	/** Mean Krippendorff's alpha of the lead calibrations in sessions that ended in the month. */
	calibrationAlpha: number | null;
}
