import { describe, expect, it } from 'vitest';
import { rocAuc } from './rocAuc';

/** The definition, pair by pair: what the rank formula must equal. */
function pairwise(pos: number[], neg: number[]): number {
	let wins = 0;
	for (const p of pos) for (const n of neg) wins += p > n ? 1 : p === n ? 0.5 : 0;
	return wins / (pos.length * neg.length);
}

describe('rocAuc', () => {
	it('counts a tie between a positive and a negative as half (hand-computed)', () => {
		// Won 90, 60, 60; lost 60, 30. Pairs: 90>60, 90>30, 60=60 (½), 60>30, 60=60 (½), 60>30 → 5 of 6.
		expect(rocAuc([90, 60, 60], [60, 30])).toBeCloseTo(5 / 6, 12);
	});

	it('is 1 when every positive outranks every negative, 0 the other way, ½ when all tie', () => {
		expect(rocAuc([3, 4], [1, 2])).toBe(1);
		expect(rocAuc([1, 2], [3, 4])).toBe(0);
		expect(rocAuc([5, 5], [5, 5, 5])).toBe(0.5);
	});

	it('agrees with the pair-by-pair definition on ties of every kind', () => {
		const pos = [10, 20, 20, 35, 50, 50, 50, 80];
		const neg = [0, 20, 35, 35, 50, 60, 5];
		expect(rocAuc(pos, neg)).toBeCloseTo(pairwise(pos, neg), 12);
	});

	it('has no answer without both kinds of case', () => {
		expect(rocAuc([], [1])).toBeNull();
		expect(rocAuc([1], [])).toBeNull();
	});
});
