import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './timelineCursor';

describe('timeline cursor', () => {
	it('round-trips time to the millisecond and the id', () => {
		const cursor = { occurredAt: new Date('2026-03-04T05:06:07.089Z'), id: 1_234_567 };
		expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
	});

	it('rejects what it did not make', () => {
		for (const bad of ['', 'abc', '1.0', 'zz.-1', '1.2.3', '<script>', 'a'.repeat(13) + '.1']) {
			expect(decodeCursor(bad)).toBeNull();
		}
		expect(decodeCursor(null)).toBeNull();
	});
});
