import { describe, expect, it } from 'vitest';
import { formatLeadDays, formatLift, formatShare, measureTrigger, type TriggerCase } from './triggerMeasures';

const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000);
const c = (accountId: string, outcome: number | null, fired: number | null): TriggerCase => ({
	accountId,
	outcomeAt: outcome === null ? null : day(outcome),
	firedAt: fired === null ? null : day(fired)
});

describe('measureTrigger', () => {
	// Hand-computed: 12 accounts, 5 with the outcome (A B C D I).
	// Showing the trigger before the outcome (or ever, without one): A B E F I = 5.
	// C fired only after its outcome (announced nothing); D never fired.
	// Caught: A (30 days ahead), B (10), I (20).
	// recall 3/5 = 0.6; precision 3/5 = 0.6; base rate 5/12; lift 0.6 / (5/12) = 1.44; median lead 20.
	const fixture = [
		c('A', 100, 70),
		c('B', 200, 190),
		c('C', 150, 160),
		c('D', 120, null),
		c('E', null, 50),
		c('F', null, 10),
		c('G', null, null),
		c('H', null, null),
		c('I', 300, 280),
		c('J', null, null),
		c('K', null, null),
		c('L', null, null)
	];

	it('gives recall, precision, base rate, lift and median lead time of a hand-computed fixture', () => {
		const m = measureTrigger(fixture);
		expect(m).toMatchObject({ accounts: 12, outcomes: 5, showing: 5, caught: 3 });
		expect(m.recall).toBeCloseTo(0.6, 10);
		expect(m.precision).toBeCloseTo(0.6, 10);
		expect(m.baseRate).toBeCloseTo(5 / 12, 10);
		expect(m.lift).toBeCloseTo(1.44, 10);
		expect(m.medianLeadDays).toBe(20);
		expect(m.leadDays).toEqual([30, 20, 10]);
	});

	it('takes the mean of the middle two lead times for an even count, in fractional days', () => {
		const m = measureTrigger([c('A', 10, 0), c('B', 10, 5), { accountId: 'C', outcomeAt: day(10), firedAt: new Date(day(9).getTime() - 12 * 3_600_000) }, c('D', 10, 8)]);
		// lead times 10, 5, 1.5, 2 -> sorted 1.5 2 5 10 -> median (2 + 5) / 2
		expect(m.medianLeadDays).toBe(3.5);
		expect(m.recall).toBe(1);
		expect(m.precision).toBe(1);
		expect(m.lift).toBe(1);
	});

	it('does not count a firing at the very moment of the outcome as a warning', () => {
		const m = measureTrigger([c('A', 10, 10), c('B', null, null)]);
		expect(m.caught).toBe(0);
		expect(m.showing).toBe(0);
		expect(m.recall).toBe(0);
		expect(m.precision).toBeNull();
		expect(m.lift).toBeNull();
		expect(m.medianLeadDays).toBeNull();
	});

	it('says n/a rather than dividing by zero', () => {
		expect(measureTrigger([])).toMatchObject({ accounts: 0, recall: null, precision: null, baseRate: null, lift: null, medianLeadDays: null });
		const none = measureTrigger([c('A', null, 3), c('B', null, null)]);
		expect(none).toMatchObject({ recall: null, precision: 0, baseRate: 0, lift: null });
	});
});

describe('formatting the measures', () => {
	it('writes shares, lift and lead time for people', () => {
		expect(formatShare(0.6)).toBe('60%');
		expect(formatShare(null)).toBe('n/a');
		expect(formatLift(1.44)).toBe('1.4×');
		expect(formatLeadDays(20)).toBe('20 days');
		expect(formatLeadDays(1)).toBe('1 day');
		expect(formatLeadDays(3.25)).toBe('3.3 days');
		expect(formatLeadDays(null)).toBe('n/a');
	});
});
