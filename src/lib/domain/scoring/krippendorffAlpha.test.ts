import { describe, expect, it } from 'vitest';
import { krippendorffAlphaInterval } from './krippendorffAlpha';

describe('krippendorffAlphaInterval', () => {
	it("gives 0.849 on Krippendorff's own worked example (4 coders, 12 units, missing values)", () => {
		// "Computing Krippendorff's Alpha-Reliability" (2011), section C: reliability data with
		// missing values; the paper reports alpha = 0.743 nominal, 0.815 ordinal, 0.849 interval.
		const _ = null;
		const coders = [
			[1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
			[1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
			[_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
			[1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _]
		];
		const units = coders[0].map((_, u) => coders.map((c) => c[u]));
		const result = krippendorffAlphaInterval(units);
		expect(result.units).toBe(11); // unit 12 has a single value: not pairable
		expect(result.pairable).toBe(40);
		expect(result.alpha!).toBeCloseTo(0.849, 3);
	});

	it('matches a small example computed by hand', () => {
		// Units (1,2), (3,3), (5,4): n = 6 pairable values.
		// Do = (1/6) * [ (2*1)/1 + 0 + (2*1)/1 ] = 4/6 = 2/3.
		// Values 1,2,3,3,5,4: sum 18, sum of squares 64; ordered pair squares = 2 * (6*64 - 18^2) = 120;
		// De = 120 / (6*5) = 4. alpha = 1 - (2/3)/4 = 5/6.
		const result = krippendorffAlphaInterval([
			[1, 2],
			[3, 3],
			[5, 4]
		]);
		expect(result.observed).toBeCloseTo(2 / 3, 12);
		expect(result.expected).toBeCloseTo(4, 12);
		expect(result.alpha!).toBeCloseTo(5 / 6, 12);
	});

	it('is 1 for perfect agreement and null when nothing can be compared', () => {
		expect(krippendorffAlphaInterval([[10, 10, 10], [70, 70], [40, 40, null]]).alpha).toBe(1);
		expect(krippendorffAlphaInterval([[10], [20, null]]).alpha).toBeNull();
		expect(krippendorffAlphaInterval([[50, 50], [50, 50]]).alpha).toBeNull();
		expect(krippendorffAlphaInterval([]).alpha).toBeNull();
	});

	it('goes below zero when raters disagree more than chance', () => {
		// (0,100), (100,0): Do = (1/4)(2*10000 + 2*10000) = 10000; De = 2*(4*20000 - 200^2)/(4*3) = 6666.67
		const result = krippendorffAlphaInterval([[0, 100], [100, 0]]);
		expect(result.alpha!).toBeCloseTo(1 - 10000 / (80000 / 12), 12);
		expect(result.alpha!).toBeLessThan(0);
	});
});
