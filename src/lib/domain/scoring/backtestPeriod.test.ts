import { describe, expect, it } from 'vitest';
import { readBacktestPeriod } from './backtestPeriod';

const now = new Date('2026-06-10T15:00:00Z');

describe('readBacktestPeriod', () => {
	it('defaults to the last 90 days up to now', () => {
		const r = readBacktestPeriod('', null, now);
		expect(r).toMatchObject({ ok: true, from: '2026-03-13', to: '2026-06-10' });
		if (r.ok) expect(r.period).toEqual({ start: new Date('2026-03-13T00:00:00Z'), end: now });
	});
	it('runs from the start of the first day to the end of the last', () => {
		const r = readBacktestPeriod('2026-01-01', '2026-03-31', now);
		if (!r.ok) throw new Error(r.message);
		expect(r.period).toEqual({ start: new Date('2026-01-01T00:00:00Z'), end: new Date('2026-03-31T23:59:59.999Z') });
	});
	it('says what is wrong with bad dates', () => {
		expect(readBacktestPeriod('2026-02-30', '', now)).toMatchObject({ ok: false, message: expect.stringContaining("'2026-02-30' is not a date") });
		expect(readBacktestPeriod('2026-03-01', '2026-02-01', now)).toMatchObject({ ok: false, message: expect.stringContaining('swap') });
		expect(readBacktestPeriod('2026-07-01', '2026-08-01', now)).toMatchObject({ ok: false, message: expect.stringContaining('future') });
		expect(readBacktestPeriod('2020-01-01', '2026-01-01', now)).toMatchObject({ ok: false, message: expect.stringContaining('three years') });
		expect(readBacktestPeriod('0000-01-01', '0000-12-31', now)).toMatchObject({ ok: false, message: "The start date '0000-01-01' is not a date between 1900 and 2999; pick one like 2026-03-13." });
	});
});
