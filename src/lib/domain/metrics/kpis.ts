/**
 * The business KPIs of DOMAIN.md ("Measures"), computed from counts a query gathers per month.
 * Rates are null, never 0 or NaN, when their denominator is empty: "no customers at the start of
 * the month" is not "nobody churned".
 *
 * - Churn rate = customers lost in the period / customers at its start x 100.
 * - Lead conversion rate = leads of the period that became customers / leads of the period x 100
 *   (a lead is an account whose first touch fell in the period; it converts with its first purchase,
 *   whenever that came).
 * - Sales cycle length = total days of the deals closed (won or lost) in the period / their number.
 * - CLV = average purchase value x purchase frequency (purchases per buying customer per year, both
 *   over the twelve months ending with the period) x customer lifespan (years from first purchase
 *   to churn, averaged over the customers who churned).
 * - CAC = sales and marketing cost entered for the period / new customers in it.
 * - CSAT = satisfied answers (4 or 5 on the 1-5 survey) / answers x 100.
 * - NPS = % promoters (9-10) - % detractors (0-6) of the NPS answers.
 */

/** What the KPIs are computed from, for one period of whole months. */
export interface PeriodCounts {
	/** First month, 'YYYY-MM'. */
	from: string;
	/** Last month, 'YYYY-MM', included. */
	to: string;
	customersAtStart: number;
	customersLost: number;
	newLeads: number;
	convertedLeads: number;
	closedDeals: number;
	closedDealDays: number;
	/** Purchases (first purchases and renewals) in the twelve months that end with the period, their total value, and the customers who made them. */
	purchases12m: number;
	purchaseValue12m: number;
	buyers12m: number;
	newCustomers: number;
	/** Sales and marketing cost entered for the period's months; null when none was entered. */
	cost: number | null;
	/** New customers in the months that have a cost entered (CAC's denominator). */
	newCustomersWithCost: number;
	csatAnswers: number;
	csatSatisfied: number;
	npsAnswers: number;
	promoters: number;
	detractors: number;
}

export const KPI_KEYS = ['churnRate', 'leadConversionRate', 'salesCycleDays', 'clv', 'cac', 'csat', 'nps'] as const;
export type KpiKey = (typeof KPI_KEYS)[number];
export type KpiFigures = Record<KpiKey, number | null>;

export const KPI_INFO: Record<KpiKey, { label: string; unit: '%' | 'days' | '$' | 'points'; betterWhen: 'higher' | 'lower'; formula: string }> = {
	churnRate: { label: 'Churn rate', unit: '%', betterWhen: 'lower', formula: 'customers lost in the period ÷ customers at its start × 100' },
	leadConversionRate: { label: 'Lead conversion rate', unit: '%', betterWhen: 'higher', formula: 'new leads of the period that became customers ÷ new leads × 100' },
	salesCycleDays: { label: 'Sales cycle length', unit: 'days', betterWhen: 'lower', formula: 'total days from opening to closing of the deals closed in the period ÷ their number' },
	clv: { label: 'Customer lifetime value', unit: '$', betterWhen: 'higher', formula: 'average purchase value × purchases per buying customer per year × average customer lifespan in years' },
	cac: { label: 'Customer acquisition cost', unit: '$', betterWhen: 'lower', formula: 'sales and marketing cost entered for the period ÷ new customers in it' },
	csat: { label: 'CSAT', unit: '%', betterWhen: 'higher', formula: 'answers of 4 or 5 on the 1–5 satisfaction survey ÷ answers × 100' },
	nps: { label: 'NPS', unit: 'points', betterWhen: 'higher', formula: '% promoters (9–10) − % detractors (0–6) of the NPS answers' }
};

const ratio = (part: number, whole: number, scale = 100) => (whole > 0 ? (part / whole) * scale : null);

/** CLV from its three parts; null when any part is unknown. */
export function lifetimeValue(averagePurchase: number | null, purchasesPerYear: number | null, lifespanYears: number | null): number | null {
	if (averagePurchase === null || purchasesPerYear === null || lifespanYears === null) return null;
	return averagePurchase * purchasesPerYear * lifespanYears;
}

/** NPS from counts: between -100 and 100. */
export function netPromoterScore(promoters: number, detractors: number, answers: number): number | null {
	return answers > 0 ? ((promoters - detractors) / answers) * 100 : null;
}

/**
 * The KPIs of one period. CLV's purchase value and frequency come from the twelve months that end
 * with the period (a yearly habit cannot be read off one month); `lifespanYears` from the whole
 * history (see the file comment). CAC counts only the months with a cost entered, so a month
 * without one does not look free.
 */
export function computeKpis(p: PeriodCounts, lifespanYears: number | null): KpiFigures {
	return {
		churnRate: ratio(p.customersLost, p.customersAtStart),
		leadConversionRate: ratio(p.convertedLeads, p.newLeads),
		salesCycleDays: ratio(p.closedDealDays, p.closedDeals, 1),
		clv: lifetimeValue(ratio(p.purchaseValue12m, p.purchases12m, 1), ratio(p.purchases12m, p.buyers12m, 1), lifespanYears),
		cac: p.cost === null ? null : ratio(p.cost, p.newCustomersWithCost, 1),
		csat: ratio(p.csatSatisfied, p.csatAnswers),
		nps: netPromoterScore(p.promoters, p.detractors, p.npsAnswers)
	};
}

/** 'YYYY-MM' months from `from` to `to`, both included; empty when to is before from. */
export function listMonths(from: string, to: string): string[] {
	const out: string[] = [];
	let [y, m] = from.split('-').map(Number);
	const [ty, tm] = to.split('-').map(Number);
	while (y < ty || (y === ty && m <= tm)) {
		out.push(`${y}-${String(m).padStart(2, '0')}`);
		m += 1;
		if (m === 13) {
			m = 1;
			y += 1;
		}
	}
	return out;
}

/** The month `n` months after (or before, when negative) a 'YYYY-MM' month. */
export function addMonths(month: string, n: number): string {
	const [y, m] = month.split('-').map(Number);
	const index = y * 12 + (m - 1) + n;
	return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** A KPI value as the dashboard shows it ("—" when there is no figure). */
export function formatKpi(key: KpiKey, value: number | null): string {
	if (value === null) return '—';
	const unit = KPI_INFO[key].unit;
	if (unit === '%') return `${value.toFixed(1)}%`;
	if (unit === 'days') return `${value.toFixed(0)} days`;
	if (unit === '$') return `$${Math.round(value).toLocaleString('en-US')}`;
	return `${value >= 0 ? '+' : ''}${value.toFixed(0)}`;
}
