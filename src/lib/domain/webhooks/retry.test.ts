import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, retryDelayMs } from './retry';

describe('webhook retry schedule', () => {
	it('doubles from 30 seconds and stops after the last attempt', () => {
		expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
		expect(retryDelayMs(MAX_ATTEMPTS - 1)).toBe(30_000 * 2 ** (MAX_ATTEMPTS - 2));
		expect(retryDelayMs(MAX_ATTEMPTS)).toBeNull();
	});
});
