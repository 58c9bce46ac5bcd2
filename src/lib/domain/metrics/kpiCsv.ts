/** The KPI dashboard as CSV rows: one per month, then the whole period and the months before practice. */
import { KPI_INFO, KPI_KEYS, type KpiFigures, type PeriodCounts } from './kpis';
import type { PracticeMonth } from './practice';

const COUNT_KEYS = [
	'customersAtStart', 'customersLost', 'newLeads', 'convertedLeads', 'closedDeals', 'closedDealDays', 'purchases12m', 'purchaseValue12m',
	'buyers12m', 'newCustomers', 'cost', 'newCustomersWithCost', 'csatAnswers', 'csatSatisfied', 'npsAnswers', 'promoters', 'detractors'
] as const satisfies readonly (keyof PeriodCounts)[];

/** Figures stay numbers, so a negative one (NPS) is not escaped as if it were a formula. */
const round = (v: number | null) => (v === null ? '' : Math.round(v * 100) / 100);

export function kpiCsvRows(d: {
	trend: { month: string; counts: PeriodCounts; figures: KpiFigures }[];
	period: { counts: PeriodCounts; figures: KpiFigures };
	before: { from: string; to: string; figures: KpiFigures } | null;
}): (string | number)[][] {
	const header = ['period', ...KPI_KEYS.map((k) => `${KPI_INFO[k].label} (${KPI_INFO[k].unit})`), ...COUNT_KEYS];
	const row = (label: string, figures: KpiFigures, counts: PeriodCounts | null) => [
		label,
		...KPI_KEYS.map((k) => round(figures[k])),
		...COUNT_KEYS.map((k) => (counts ? round(counts[k]) : ''))
	];
	const rows = [header, ...d.trend.map((t) => row(t.month, t.figures, t.counts)), row(`${d.period.counts.from} to ${d.period.counts.to}`, d.period.figures, d.period.counts)];
	if (d.before) rows.push(row(`before practice: ${d.before.from} to ${d.before.to}`, d.before.figures, null));
	return rows;
}

/** Practice impact as CSV rows, one per month. */
export function practiceCsvRows(months: PracticeMonth[]): string[][] {
	return [
		['month', 'sessions held', 'wins recorded', 'playbook revisions', 'action items due', 'action items done on time', 'churns', 'churns a churn-risk signal warned of', 'median days of warning', 'calibration agreement (alpha)'],
		...months.map((m) => [m.month, m.sessionsHeld, m.winsRecorded, m.revisions, m.actionItemsDue, m.actionItemsOnTime, m.churns, m.churnsWarned, round(m.medianWarningDays), m.calibrationAlpha === null ? '' : m.calibrationAlpha.toFixed(3)].map(String))
	];
}
