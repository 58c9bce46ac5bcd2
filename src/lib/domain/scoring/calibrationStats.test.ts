import { describe, expect, it } from 'vitest';
import { compareDepartments, measureRaterAgreement, measureRaterBias, summarizeLeadRatings, type RatedLead } from './calibrationStats';

const r = (raterId: string, department: string, value: number) => ({ raterId, department, value });

// Three leads, four raters: ann and bob in sales, cat and dan in marketing (dan skips lead 3).
const leads: RatedLead[] = [
	{ leadId: 'l1', ratings: [r('ann', 'sales', 80), r('bob', 'sales', 70), r('cat', 'marketing', 60), r('dan', 'marketing', 50)] },
	{ leadId: 'l2', ratings: [r('ann', 'sales', 40), r('bob', 'sales', 30), r('cat', 'marketing', 40), r('dan', 'marketing', 10)] },
	{ leadId: 'l3', ratings: [r('ann', 'sales', 90), r('bob', 'sales', 90), r('cat', 'marketing', 60)] }
];

describe('summarizeLeadRatings', () => {
	it('gives the spread, mean, median and sample sd, and flags the extremes to speak first', () => {
		const s = summarizeLeadRatings(leads[0].ratings)!;
		// 80, 70, 60, 50: mean 65, median 65; squared gaps 225+25+25+225 = 500; sd = sqrt(500/3).
		expect(s).toMatchObject({ count: 4, mean: 65, median: 65, min: 50, max: 80, highestRaterIds: ['ann'], lowestRaterIds: ['dan'] });
		expect(s.sd).toBeCloseTo(Math.sqrt(500 / 3), 12);
	});

	it('flags every rater tied at an extreme, nobody when all agree, and has no sd for one rating', () => {
		expect(summarizeLeadRatings(leads[2].ratings)).toMatchObject({ median: 90, highestRaterIds: ['ann', 'bob'], lowestRaterIds: ['cat'] });
		expect(summarizeLeadRatings([r('a', 's', 40), r('b', 's', 40)])).toMatchObject({ sd: 0, highestRaterIds: [], lowestRaterIds: [] });
		expect(summarizeLeadRatings([r('a', 's', 40)])).toMatchObject({ count: 1, sd: null });
		expect(summarizeLeadRatings([])).toBeNull();
	});
});

describe('measureRaterAgreement', () => {
	it('is the interval alpha of the leads as units', () => {
		// n = 11 values. Within units: l1 2*(4*16600 - 260^2) = 2*(66400-67600)... computed below by parts:
		// l1: values 80,70,60,50: sum 260, squares 17400, 2*(4*17400 - 67600) = 4000, /3 = 1333.33
		// l2: 40,30,40,10: sum 120, squares 4200, 2*(4*4200 - 14400) = 4800, /3 = 1600
		// l3: 90,90,60: sum 240, squares 19800, 2*(3*19800 - 57600) = 3600, /2 = 1800
		// Do = (1333.33 + 1600 + 1800) / 11 = 430.303
		// All 11: sum 620, squares 41400, 2*(11*41400 - 384400) = 142000, De = 142000 / 110 = 1290.909
		const result = measureRaterAgreement(leads);
		expect(result.observed).toBeCloseTo((4000 / 3 + 1600 + 1800) / 11, 9);
		expect(result.expected).toBeCloseTo(142000 / 110, 9);
		expect(result.alpha!).toBeCloseTo(1 - (4000 / 3 + 3400) / 11 / (142000 / 110), 12);
		expect(result.alpha!).toBeCloseTo(0.66667, 4);
	});
});

describe('compareDepartments', () => {
	it('compares department means over the leads both rated: mean difference and Pearson correlation', () => {
		// Sales means 75, 35, 90; marketing 55, 25, 60. Differences 20, 10, 30: mean 20.
		// Pearson: sales gaps from 66.67: 8.33, -31.67, 23.33; marketing from 46.67: 8.33, -21.67, 13.33
		// cov sum = 69.44 + 686.11 + 311.11 = 1066.67; ss 1616.67 and 716.67; r = 1066.67 / sqrt(1616.67*716.67)
		const [pair] = compareDepartments(leads);
		expect(pair).toMatchObject({ a: 'marketing', b: 'sales', leads: 3, meanDifference: -20 });
		expect(pair.correlation!).toBeCloseTo(1066.6667 / Math.sqrt(1616.6667 * 716.6667), 5);
		expect(pair.correlation!).toBeCloseTo(0.99095, 4);
	});

	it('leaves the correlation out with fewer than three common leads, and skips pairs with none', () => {
		const two = compareDepartments(leads.slice(0, 2));
		expect(two).toEqual([{ a: 'marketing', b: 'sales', leads: 2, meanDifference: -15, correlation: null }]);
		expect(compareDepartments([{ leadId: 'x', ratings: [r('a', 'sales', 10)] }, { leadId: 'y', ratings: [r('b', 'support', 20)] }])).toEqual([]);
	});
});

describe('measureRaterBias', () => {
	it('is each rater’s mean gap from the lead means, most generous first', () => {
		// Lead means 65, 30, 80. ann: +15, +10, +10 → 11.67; bob: +5, 0, +10 → 5;
		// cat: -5, +10, -20 → -5; dan: -15, -20 → -17.5
		const bias = measureRaterBias(leads);
		expect(bias.map((b) => b.raterId)).toEqual(['ann', 'bob', 'cat', 'dan']);
		expect(bias[0].bias).toBeCloseTo(35 / 3, 12);
		expect(bias[1]).toMatchObject({ bias: 5, leads: 3, department: 'sales' });
		expect(bias[2].bias).toBeCloseTo(-5, 12);
		expect(bias[3]).toMatchObject({ bias: -17.5, leads: 2 });
	});
});
