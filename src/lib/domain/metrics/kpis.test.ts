import { describe, expect, it } from 'vitest';
import { addMonths, computeKpis, lifetimeValue, listMonths, netPromoterScore, type PeriodCounts } from './kpis';
import { acquisitionCostInput, beforePracticeRange, readKpiQuery } from './kpiQuery';
import { kpiCsvRows } from './kpiCsv';
import { csvLine } from '../import/csvCell';

const counts = (fields: Partial<PeriodCounts> = {}): PeriodCounts => ({
	from: '2026-01',
	to: '2026-03',
	customersAtStart: 0,
	customersLost: 0,
	newLeads: 0,
	convertedLeads: 0,
	closedDeals: 0,
	closedDealDays: 0,
	purchases12m: 0,
	purchaseValue12m: 0,
	buyers12m: 0,
	newCustomers: 0,
	cost: null,
	newCustomersWithCost: 0,
	csatAnswers: 0,
	csatSatisfied: 0,
	npsAnswers: 0,
	promoters: 0,
	detractors: 0,
	...fields
});

describe('KPIs from DOMAIN.md', () => {
	it('computes each formula on hand-worked figures', () => {
		const k = computeKpis(
			counts({
				customersAtStart: 200,
				customersLost: 6, // 6 / 200 = 3%
				newLeads: 80,
				convertedLeads: 12, // 12 / 80 = 15%
				closedDeals: 4,
				closedDealDays: 30 + 45 + 60 + 25, // 160 / 4 = 40 days
				purchases12m: 150,
				purchaseValue12m: 1_800_000, // $12,000 per purchase
				buyers12m: 120, // 1.25 purchases per customer per year
				cost: 90_000,
				newCustomersWithCost: 12, // $7,500 per new customer
				csatAnswers: 40,
				csatSatisfied: 34, // 85%
				npsAnswers: 50,
				promoters: 25,
				detractors: 10 // 50% - 20% = 30
			}),
			2.5 // years
		);
		expect(k.churnRate).toBeCloseTo(3, 10);
		expect(k.leadConversionRate).toBeCloseTo(15, 10);
		expect(k.salesCycleDays).toBeCloseTo(40, 10);
		expect(k.clv).toBeCloseTo(12_000 * 1.25 * 2.5, 6); // 37,500
		expect(k.cac).toBeCloseTo(7_500, 10);
		expect(k.csat).toBeCloseTo(85, 10);
		expect(k.nps).toBeCloseTo(30, 10);
	});

	it('gives no figure, rather than 0, when a denominator is empty or a part is unknown', () => {
		const k = computeKpis(counts({ customersLost: 3, cost: 5_000 }), null);
		expect(k).toEqual({ churnRate: null, leadConversionRate: null, salesCycleDays: null, clv: null, cac: null, csat: null, nps: null });
		expect(lifetimeValue(10, 2, null)).toBeNull();
		expect(netPromoterScore(0, 0, 0)).toBeNull();
	});

	it('keeps NPS within -100..100 (all detractors, all promoters)', () => {
		expect(netPromoterScore(0, 7, 7)).toBe(-100);
		expect(netPromoterScore(7, 0, 7)).toBe(100);
		expect(netPromoterScore(3, 3, 10)).toBe(0);
	});

	it('lists and shifts months across year ends', () => {
		expect(listMonths('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
		expect(listMonths('2026-02', '2026-01')).toEqual([]);
		expect(addMonths('2026-01', -1)).toBe('2025-12');
		expect(addMonths('2025-12', 13)).toBe('2027-01');
		expect(addMonths('2026-03', -14)).toBe('2025-01');
	});
});

describe('the dashboard query', () => {
	const now = new Date('2026-12-02T10:00:00Z');
	it('defaults to the last twelve months, this one included', () => {
		expect(readKpiQuery(new URLSearchParams(), now)).toEqual({ query: { from: '2026-01', to: '2026-12', plan: '', industry: '', size: '', owner: '' }, problems: [] });
	});
	it('explains and replaces what it cannot use', () => {
		const { query, problems } = readKpiQuery(new URLSearchParams({ from: '2026-13', to: '2026-06', owner: "x' or 1=1" }), now);
		expect(query).toMatchObject({ from: '2025-07', to: '2026-06', owner: '' });
		expect(problems).toEqual(['“2026-13” is not a month: use YYYY-MM with a year between 1900 and 2999. Showing the twelve months up to 2026-06.', 'That owner is not a member of this workspace: showing every owner.']);
		expect(readKpiQuery(new URLSearchParams({ from: '2026-05', to: '2026-04' }), now).problems[0]).toMatch(/starts \(2026-05\) after it ends/);
		expect(readKpiQuery(new URLSearchParams({ from: '2020-01', to: '2026-04' }), now).query.from).toBe('2023-05');
	});
	it('keeps the period inside the years 1900 to 2999, which PostgreSQL and the month arithmetic can hold', () => {
		const zero = readKpiQuery(new URLSearchParams({ from: '0000-01', to: '0000-12' }), now);
		expect(zero.query).toMatchObject({ from: '2026-01', to: '2026-12' });
		expect(zero.problems).toEqual([
			'“0000-12” is not a month: use YYYY-MM with a year between 1900 and 2999, e.g. 2026-12. Showing up to 2026-12.',
			'“0000-01” is not a month: use YYYY-MM with a year between 1900 and 2999. Showing the twelve months up to 2026-12.'
		]);
		expect(readKpiQuery(new URLSearchParams({ from: '9999-01', to: '9999-12' }), now).query).toMatchObject({ from: '2026-01', to: '2026-12' });
		expect(readKpiQuery(new URLSearchParams({ from: '2999-01', to: '2999-12' }), now)).toMatchObject({ query: { from: '2999-01', to: '2999-12' }, problems: [] });
		expect(readKpiQuery(new URLSearchParams({ to: '1900-03' }), now)).toMatchObject({ query: { from: '1900-01', to: '1900-03' }, problems: [] });
		expect(readKpiQuery(new URLSearchParams({ from: '1900-05', to: '1900-03' }), now).query.from).toBe('1900-01');
	});
	it('refuses a cost for a month out of range', () => {
		expect(acquisitionCostInput.safeParse({ month: '2026-03', amount: '5' }).success).toBe(true);
		for (const month of ['0000-01', '9999-12', '2026-13']) {
			expect(acquisitionCostInput.safeParse({ month, amount: '5' }).error?.issues[0].message, month).toBe('Enter the month as YYYY-MM, e.g. 2026-03, with a year between 1900 and 2999.');
		}
	});
	it('compares with the same number of months before practice began', () => {
		expect(beforePracticeRange('2026-03', 12)).toEqual({ from: '2025-03', to: '2026-02' });
		expect(beforePracticeRange(null, 12)).toBeNull();
		expect(beforePracticeRange('1900-06', 12)).toBeNull();
	});
});

describe('kpiCsvRows', () => {
	it('writes a negative NPS as a number, not as escaped text', () => {
		const c = counts({ npsAnswers: 4, promoters: 1, detractors: 3 });
		const figures = computeKpis(c, null);
		const rows = kpiCsvRows({ trend: [], period: { counts: c, figures }, before: null });
		const line = csvLine(rows[1]);
		expect(figures.nps).toBe(-50);
		expect(line).toContain(',-50,');
		expect(line).not.toContain("'-");
	});
});
