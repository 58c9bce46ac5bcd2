/**
 * The data-quality score: 0 to 100, where 100 means no check found a problem. Each check looks
 * at one kind of record; its part of the score is its weight times the share of those records
 * without the problem. The weights add up to 100, so the score reads as "points kept".
 */
export const QUALITY_CHECKS = [
	{ key: 'duplicateContacts', of: 'contacts', weight: 15, label: 'Contacts in a duplicate pair' },
	{ key: 'duplicateAccounts', of: 'accounts', weight: 10, label: 'Accounts in a duplicate pair' },
	{ key: 'invalidEmails', of: 'contacts', weight: 15, label: 'Contacts with an invalid email' },
	{ key: 'incompleteContacts', of: 'contacts', weight: 10, label: 'Contacts missing fields' },
	{ key: 'incompleteAccounts', of: 'accounts', weight: 10, label: 'Accounts missing fields' },
	{ key: 'incompleteDeals', of: 'openDeals', weight: 5, label: 'Open deals missing fields' },
	{ key: 'staleAccounts', of: 'accounts', weight: 20, label: 'Stale accounts' },
	{ key: 'overdueDeals', of: 'openDeals', weight: 15, label: 'Open deals past their close date' }
] as const;

export type QualityCheckKey = (typeof QUALITY_CHECKS)[number]['key'];
export type RecordTotalKey = (typeof QUALITY_CHECKS)[number]['of'];

/** What one audit found: records with each problem, and how many records of each kind exist. */
export type QualityCounts = Record<QualityCheckKey, number> & Record<RecordTotalKey, number>;

export interface ScorePart {
	key: QualityCheckKey;
	label: string;
	weight: number;
	affected: number;
	total: number;
	/** Points this check keeps, out of its weight. */
	points: number;
}

/** Scores one audit; a check over zero records keeps its full weight (nothing can be wrong). */
export function scoreDataQuality(counts: QualityCounts): { score: number; parts: ScorePart[] } {
	const parts = QUALITY_CHECKS.map((check) => {
		const total = Math.max(0, counts[check.of] ?? 0);
		const affected = Math.min(total, Math.max(0, counts[check.key] ?? 0));
		const points = total === 0 ? check.weight : check.weight * (1 - affected / total);
		return { key: check.key, label: check.label, weight: check.weight, affected, total, points };
	});
	const kept = parts.reduce((sum, p) => sum + p.points, 0);
	// Rounded, except that 100 is kept for a store where no check found anything: one duplicate
	// pair among thousands of accounts is 99.9 points, and a perfect score would hide it.
	const score = kept < 100 ? Math.min(99, Math.round(kept)) : 100;
	return { score, parts };
}
