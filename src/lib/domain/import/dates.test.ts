import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectDateFormat, parseDate } from './dates';

describe('parseDate', () => {
	it('reads ISO dates and timestamps in any format setting', () => {
		for (const f of ['iso', 'mdy', 'dmy'] as const) {
			expect(parseDate('2026-03-31', f)).toEqual({ date: '2026-03-31', at: '2026-03-31T00:00:00.000Z' });
		}
		expect(parseDate('2024-01-05T13:22:07.123Z', 'iso')?.at).toBe('2024-01-05T13:22:07.123Z');
		expect(parseDate('2024-01-05 13:22', 'iso')?.at).toBe('2024-01-05T13:22:00.000Z');
		expect(parseDate('2024-01-05T23:30:00-02:00', 'iso')).toEqual({ date: '2024-01-05', at: '2024-01-06T01:30:00.000Z' });
		expect(parseDate('2024-01-05T10:00:00.000+0100', 'iso')?.at).toBe('2024-01-05T09:00:00.000Z');
	});

	it('reads slashed dates month first or day first as told', () => {
		expect(parseDate('3/4/2026', 'mdy')?.date).toBe('2026-03-04');
		expect(parseDate('3/4/2026', 'dmy')?.date).toBe('2026-04-03');
		expect(parseDate('31.12.2025', 'dmy')?.date).toBe('2025-12-31');
		expect(parseDate('12/31/25', 'mdy')?.date).toBe('2025-12-31');
		expect(parseDate('1/2/99', 'mdy')?.date).toBe('1999-01-02');
		expect(parseDate('04/15/2024 3:07 PM', 'mdy')?.at).toBe('2024-04-15T15:07:00.000Z');
		expect(parseDate('04/15/2024 12:07 am', 'mdy')?.at).toBe('2024-04-15T00:07:00.000Z');
	});

	it('refuses impossible or unknown dates', () => {
		expect(parseDate('2025-02-29', 'iso')).toBeNull();
		expect(parseDate('13/31/2025', 'mdy')).toBeNull();
		expect(parseDate('3/4/2026', 'iso')).toBeNull();
		expect(parseDate('next Tuesday', 'mdy')).toBeNull();
		expect(parseDate('2025-01-01 25:00', 'iso')).toBeNull();
	});

	it('refuses years outside 1900-2999, which the database cannot store or which Date.UTC would read as 19xx', () => {
		for (const text of ['0000-01-01', '0000-01-01T00:00:00Z', '0099-05-05', '1899-12-31', '3000-01-01', '9999-12-31T23:00:00Z']) expect(parseDate(text, 'iso'), text).toBeNull();
		expect(parseDate('1/1/0000', 'mdy')).toBeNull();
		expect(parseDate('1/1/1900', 'mdy')?.date).toBe('1900-01-01');
		expect(parseDate('2999-12-31', 'iso')?.date).toBe('2999-12-31');
	});

	it('round-trips every real day in all three formats', () => {
		fc.assert(
			fc.property(fc.date({ min: new Date('1970-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (d) => {
				const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
				const iso = d.toISOString().slice(0, 10);
				expect(parseDate(iso, 'iso')?.date).toBe(iso);
				expect(parseDate(`${m}/${day}/${y}`, 'mdy')?.date).toBe(iso);
				expect(parseDate(`${day}/${m}/${y}`, 'dmy')?.date).toBe(iso);
			})
		);
	});
});

describe('detectDateFormat', () => {
	it('finds day first or month first from the values that can only be read one way', () => {
		expect(detectDateFormat(['1/2/2025', '25/2/2025', ''])).toMatchObject({ format: 'dmy', ambiguous: false });
		expect(detectDateFormat(['1/2/2025', '2/25/2025'])).toMatchObject({ format: 'mdy', ambiguous: false });
		expect(detectDateFormat(['2025-02-01', '2025-02-25T10:00:00Z'])).toMatchObject({ format: 'iso' });
		expect(detectDateFormat(['1/2/2025', '3/4/2025'])).toMatchObject({ format: 'mdy', ambiguous: true });
		expect(detectDateFormat(['13/1/2025', '1/13/2025'])).toMatchObject({ conflicting: true });
		expect(detectDateFormat(['', ' '])).toMatchObject({ format: null, seen: 0 });
	});
});
