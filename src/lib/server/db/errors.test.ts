import { describe, expect, it } from 'vitest';
import { isDataException, isOutOfRange, isUniqueViolation } from './errors';

/** A driver error wrapped the way drizzle wraps it ("Failed query: …" with the driver's error as cause). */
const failedQuery = (code: string) => new Error('Failed query: select 1', { cause: Object.assign(new Error('driver'), { code }) });

describe('database error codes', () => {
	it('tells numbers, dates and intervals out of range from other data exceptions', () => {
		for (const code of ['22003', '22008', '22015']) {
			expect(isOutOfRange(failedQuery(code)), code).toBe(true);
			expect(isDataException(failedQuery(code)), code).toBe(true);
		}
		// invalid byte sequence (a NUL in text), invalid text representation, division by zero
		for (const code of ['22021', '22P02', '22012']) {
			expect(isOutOfRange(failedQuery(code)), code).toBe(false);
			expect(isDataException(failedQuery(code)), code).toBe(true);
		}
		expect(isOutOfRange(failedQuery('23505'))).toBe(false);
		expect(isUniqueViolation(failedQuery('23505'))).toBe(true);
		expect(isOutOfRange(new Error('no code'))).toBe(false);
	});
});
