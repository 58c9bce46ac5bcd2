import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, timelineStartAt } from './timelineCursor';

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

	it('rejects times outside the years 1900-2999, which PostgreSQL cannot take, and keeps those before 1970', () => {
		for (const bad of ['zzzzzzzzzz.1', 'zzzzzzzzzzzz.1', '-zzzzzzzzzz.1', encodeCursor({ occurredAt: new Date('1899-12-31T23:59:59.999Z'), id: 1 }), encodeCursor({ occurredAt: new Date('3000-01-01T00:00:00Z'), id: 1 })]) {
			expect(decodeCursor(bad), bad).toBeNull();
		}
		for (const at of ['1900-01-01T00:00:00Z', '1955-07-01T12:00:00.5Z', '2999-12-31T23:59:59.999Z']) {
			const cursor = { occurredAt: new Date(at), id: 7 };
			expect(decodeCursor(encodeCursor(cursor)), at).toEqual(cursor);
		}
	});
});

describe('timelineStartAt', () => {
	const at = (iso: string, id: number) => ({ id, occurredAt: new Date(iso) });
	const page = (ids: number[], more = true) => ({ items: ids.map((id) => ({ id })), next: more ? { id: ids.at(-1) } : null });

	it('keeps the newest page when it already shows the newest evidence, or there is nothing older', () => {
		expect(timelineStartAt([at('2026-01-05T00:00:00Z', 7), at('2026-01-01T00:00:00Z', 3)], page([9, 8, 7]))).toBeNull();
		expect(timelineStartAt([at('2026-01-01T00:00:00Z', 3)], page([9, 8, 7], false))).toBeNull();
		expect(timelineStartAt([], page([9, 8, 7]))).toBeNull();
	});

	it('starts just above the newest evidence when it is older than the newest page', () => {
		const start = timelineStartAt([at('2026-01-01T00:00:00.000Z', 3), at('2026-01-02T10:00:00.123Z', 4)], page([99, 98, 97]));
		// A millisecond later and id 0: the event itself is on the page even if stored to the microsecond.
		expect(start).toEqual({ occurredAt: new Date('2026-01-02T10:00:00.124Z'), id: 0 });
	});
});
