import { describe, expect, it } from 'vitest';
import { isRowNumber, MAX_AMOUNT, MAX_INT4 } from './storedNumbers';

describe('stored number ranges', () => {
	it('accepts as a row number only whole numbers from 1 that fit an integer column', () => {
		for (const n of [1, 999, MAX_INT4]) expect(isRowNumber(n), String(n)).toBe(true);
		for (const n of [0, -1, 1.5, MAX_INT4 + 1, 99999999999, 1e20, Infinity, NaN]) expect(isRowNumber(n), String(n)).toBe(false);
	});

	it('keeps amounts inside an integer column', () => {
		expect(MAX_AMOUNT).toBeLessThan(MAX_INT4);
	});
});
