/**
 * Trend review: two cohorts side by side (won vs lost deals, churned vs renewed customers). For
 * each activity type and each signal, how often it came up in the window before the outcome, how
 * much of it there was, and how long before the outcome it last happened; the rows where the
 * cohorts differ most come first.
 */
import { median } from 'simple-statistics';

export const COMPARISONS = {
	deals: {
		label: 'Won vs lost deals',
		a: 'Won',
		b: 'Lost',
		member: 'deal',
		members: 'deals',
		outcome: 'the close date'
	},
	customers: {
		label: 'Churned vs renewed customers',
		a: 'Churned',
		b: 'Renewed',
		member: 'customer',
		members: 'customers',
		outcome: 'the churn or renewal'
	}
} as const;
export type Comparison = keyof typeof COMPARISONS;

/** What one cohort showed of one activity type or signal. */
export interface CohortItemCounts {
	/** Occurrences in the window, over every member. */
	events: number;
	/** One entry per member that had it: days from its last occurrence to the member's outcome. */
	lastDays: number[];
}

export interface CohortItemInput {
	kind: 'activity' | 'signal';
	key: string;
	label: string;
	a: CohortItemCounts;
	b: CohortItemCounts;
}

export interface CohortSideFigures {
	/** Members that had it. */
	members: number;
	/** Share of the cohort's members that had it, 0-1; null for an empty cohort. */
	share: number | null;
	/** Occurrences per member of the cohort; null for an empty cohort. */
	meanEvents: number | null;
	/** Median days before the outcome of the last occurrence, over the members that had it. */
	medianDays: number | null;
}

export interface CohortRow {
	kind: 'activity' | 'signal';
	key: string;
	label: string;
	a: CohortSideFigures;
	b: CohortSideFigures;
	/** Share in cohort a minus share in cohort b, in percentage points; null when either cohort is empty. */
	differencePoints: number | null;
}

export interface CohortSizes {
	a: number;
	b: number;
}

const NONE: CohortItemCounts = { events: 0, lastDays: [] };

function sideFigures(counts: CohortItemCounts = NONE, size: number): CohortSideFigures {
	const members = counts.lastDays.length;
	return {
		members,
		share: size > 0 ? members / size : null,
		meanEvents: size > 0 ? counts.events / size : null,
		medianDays: members > 0 ? median(counts.lastDays) : null
	};
}

/**
 * Every item's figures per cohort and the difference between them, largest absolute difference
 * first (then the larger difference in events per member, then by label); rows without a
 * difference (an empty cohort) keep label order at the end.
 */
export function compareCohorts(sizes: CohortSizes, items: readonly CohortItemInput[]): CohortRow[] {
	const rows = items.map((item): CohortRow => {
		const a = sideFigures(item.a, sizes.a);
		const b = sideFigures(item.b, sizes.b);
		const differencePoints = a.share === null || b.share === null ? null : (a.share - b.share) * 100;
		return { kind: item.kind, key: item.key, label: item.label, a, b, differencePoints };
	});
	const eventGap = (r: CohortRow) => (r.a.meanEvents === null || r.b.meanEvents === null ? 0 : Math.abs(r.a.meanEvents - r.b.meanEvents));
	return rows.sort((x, y) => {
		if (x.differencePoints === null || y.differencePoints === null) {
			if (x.differencePoints !== y.differencePoints) return x.differencePoints === null ? 1 : -1;
		} else {
			const gap = Math.abs(y.differencePoints) - Math.abs(x.differencePoints);
			if (Math.abs(gap) > 1e-9) return gap;
		}
		return eventGap(y) - eventGap(x) || x.label.localeCompare(y.label);
	});
}

const round = (v: number | null, digits = 2) => (v === null ? '' : Math.round(v * 10 ** digits) / 10 ** digits);
const percent = (v: number | null) => (v === null ? '' : round(v * 100, 1));

/**
 * The trend review's table as CSV rows, in the page's order. Figures stay numbers (empty when there
 * is none), so a negative difference is not mistaken for a formula and escaped as text.
 */
export function cohortCsvRows(comparison: Comparison, sizes: CohortSizes, rows: readonly CohortRow[]): (string | number)[][] {
	const { a, b } = COMPARISONS[comparison];
	const side = (name: string, size: number) => [
		`${name}: ${comparison === 'deals' ? 'deals' : 'customers'} with it (of ${size})`,
		`${name}: share (%)`,
		`${name}: events per ${COMPARISONS[comparison].member}`,
		`${name}: median days before outcome of the last one`
	];
	const header = ['kind', 'key', 'name', ...side(a, sizes.a), ...side(b, sizes.b), `difference (${a} - ${b}, percentage points)`];
	const cells = (f: CohortSideFigures) => [f.members, percent(f.share), round(f.meanEvents), round(f.medianDays, 1)];
	return [header, ...rows.map((r) => [r.kind, r.key, r.label, ...cells(r.a), ...cells(r.b), round(r.differencePoints, 1)])];
}
