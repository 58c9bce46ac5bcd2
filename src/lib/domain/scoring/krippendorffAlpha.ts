/**
 * Krippendorff's alpha for interval data, with missing values (Krippendorff, "Computing
 * Krippendorff's Alpha-Reliability", 2011): alpha = 1 - Do / De, where Do is the disagreement
 * observed within units and De the disagreement expected by chance over all pairable values.
 * Only units with at least two values are pairable; the others are left out.
 */

export interface AlphaResult {
	/** null when there is no disagreement to expect (fewer than two pairable values, or all equal). */
	alpha: number | null;
	/** Observed disagreement Do (mean squared difference within units). */
	observed: number;
	/** Expected disagreement De (mean squared difference between any two pairable values). */
	expected: number;
	/** Pairable values n: those in units with two or more values. */
	pairable: number;
	/** Units with two or more values. */
	units: number;
}

/** Sum over ordered pairs i != j of (v_i - v_j)^2, which is 2 * (m * sum(v^2) - sum(v)^2). */
function orderedPairSquares(values: readonly number[]): number {
	let sum = 0;
	let squares = 0;
	for (const v of values) {
		sum += v;
		squares += v * v;
	}
	return 2 * (values.length * squares - sum * sum);
}

/**
 * `units` holds, per unit (e.g. a lead), the values the coders gave it; null or undefined is a
 * missing value. Interval metric: the difference between two values is (a - b)^2.
 */
export function krippendorffAlphaInterval(units: readonly (readonly (number | null | undefined)[])[]): AlphaResult {
	const pairable = units
		.map((unit) => unit.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)))
		.filter((values) => values.length >= 2);
	const n = pairable.reduce((total, values) => total + values.length, 0);
	if (n < 2) return { alpha: null, observed: 0, expected: 0, pairable: n, units: pairable.length };
	const within = pairable.reduce((total, values) => total + orderedPairSquares(values) / (values.length - 1), 0);
	const observed = within / n;
	const expected = orderedPairSquares(pairable.flat()) / (n * (n - 1));
	const alpha = expected === 0 ? null : 1 - observed / expected;
	return { alpha, observed, expected, pairable: n, units: pairable.length };
}
