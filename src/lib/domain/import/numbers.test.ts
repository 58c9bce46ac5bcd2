import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseMoney, parseNumber } from './numbers';

describe('parseNumber', () => {
	it('reads the ways exports write amounts', () => {
		const cases: [string, number][] = [
			['12000', 12000],
			['12,000', 12000],
			['12,000.50', 12000.5],
			['$12,000', 12000],
			['12 000 €', 12000],
			['12.000,50', 12000.5],
			['1.234.567', 1234567],
			['0.5', 0.5],
			['0,75', 0.75],
			['1,5', 1.5],
			['-3.25', -3.25],
			['(1,200)', -1200],
			['USD 900', 900],
			['1234.5678', 1234.5678]
		];
		for (const [text, value] of cases) expect(parseNumber(text), text).toBe(value);
	});

	it('refuses text that is not a number', () => {
		for (const text of ['', 'abc', '12a', '1,2,3', '12..5', ',', '1.23.4']) expect(parseNumber(text), text).toBeNull();
	});

	it('reads back any whole number written with or without thousands separators', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 2_000_000_000 }), (n) => {
				expect(parseNumber(String(n))).toBe(n);
				expect(parseNumber(n.toLocaleString('en-US'))).toBe(n);
				expect(parseNumber(n.toLocaleString('de-DE'))).toBe(n);
			})
		);
	});
});

describe('parseMoney', () => {
	it('rounds to whole dollars and explains refusals', () => {
		expect(parseMoney('12,000.50')).toEqual({ ok: true, value: 12001 });
		expect(parseMoney('-5')).toMatchObject({ ok: false, reason: expect.stringContaining('negative') });
		expect(parseMoney('lots')).toMatchObject({ ok: false, reason: expect.stringContaining('not a number') });
	});
});
