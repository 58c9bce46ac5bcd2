import { describe, expect, it } from 'vitest';
import { isCalendarDay, isCalendarMonth, isDateTimeInRange, isInYearRange, readLocalDateTime } from './calendarDate';

describe('isCalendarDay', () => {
	it('accepts real days from 1900 to 2999, leap days included', () => {
		for (const day of ['2026-03-31', '1900-01-01', '2999-12-31', '2024-02-29', '2000-02-29']) expect(isCalendarDay(day), day).toBe(true);
	});

	it('refuses days that do not exist instead of rolling them over', () => {
		for (const day of ['2026-02-30', '2026-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '9999-99-99']) expect(isCalendarDay(day), day).toBe(false);
	});

	it('refuses years PostgreSQL cannot store or that run out of range', () => {
		for (const day of ['0000-01-01', '0001-01-01', '1899-12-31', '3000-01-01', '9999-12-31']) expect(isCalendarDay(day), day).toBe(false);
	});

	it('refuses anything not written YYYY-MM-DD', () => {
		for (const day of ['', '2026-3-1', '+010000-01-01', '2026-03-31T00:00', ' 2026-03-31', '31/03/2026']) expect(isCalendarDay(day), day).toBe(false);
	});
});

describe('isCalendarMonth', () => {
	it('accepts YYYY-MM from 1900-01 to 2999-12', () => {
		for (const month of ['1900-01', '2026-06', '2999-12']) expect(isCalendarMonth(month), month).toBe(true);
	});

	it('refuses other years, months and forms', () => {
		for (const month of ['0000-01', '1899-12', '3000-01', '9999-12', '2026-13', '2026-00', '2026-6', 'abc', '']) expect(isCalendarMonth(month), month).toBe(false);
	});
});

describe('readLocalDateTime', () => {
	it('reads a datetime-local value as UTC', () => {
		expect(readLocalDateTime('2026-03-31T14:30')?.toISOString()).toBe('2026-03-31T14:30:00.000Z');
		expect(readLocalDateTime('1900-01-01T00:00')?.toISOString()).toBe('1900-01-01T00:00:00.000Z');
	});

	it('refuses impossible days, times and years', () => {
		for (const text of ['2026-02-30T10:00', '2026-03-31T24:00', '2026-03-31T10:60', '0000-01-01T00:00', '3000-01-01T00:00', '2026-03-31', '2026-03-31T10:00:00']) expect(readLocalDateTime(text), text).toBeNull();
	});
});

describe('isDateTimeInRange', () => {
	it('accepts ISO date-times in range, with any zone', () => {
		for (const text of ['2026-03-31T14:05:00Z', '2026-03-31T14:05:00.123+02:00', '2999-12-31T23:59:59Z']) expect(isDateTimeInRange(text), text).toBe(true);
	});

	it('refuses years out of range and days that do not exist', () => {
		for (const text of ['0000-01-01T00:00:00Z', '9999-12-31T00:00:00Z', '1899-12-31T23:59:59Z', '2026-02-30T10:00:00Z']) expect(isDateTimeInRange(text), text).toBe(false);
	});
});

describe('isInYearRange', () => {
	it('holds for instants from 1900 to the end of 2999', () => {
		expect(isInYearRange(new Date('1900-01-01T00:00:00Z'))).toBe(true);
		expect(isInYearRange(new Date('2999-12-31T23:59:59.999Z'))).toBe(true);
		expect(isInYearRange(new Date('1899-12-31T23:59:59.999Z'))).toBe(false);
		expect(isInYearRange(new Date('3000-01-01T00:00:00Z'))).toBe(false);
		expect(isInYearRange(new Date(parseInt('zzzzzzzzzz', 36)))).toBe(false);
		expect(isInYearRange(new Date(NaN))).toBe(false);
	});
});
