import { describe, expect, it } from 'vitest';
import { readSince } from './readSince';

const now = new Date('2026-06-10T15:00:00Z');

describe('readSince', () => {
	it('takes a real past day, and 30 days ago when there is none', () => {
		expect(readSince('2026-01-31', now)).toEqual({ day: '2026-01-31', problem: null });
		expect(readSince(null, now)).toEqual({ day: '2026-05-11', problem: null });
		expect(readSince('1900-01-01', now)).toEqual({ day: '1900-01-01', problem: null });
	});

	it('falls back with a message for days that do not exist or years out of range, instead of a 500', () => {
		for (const raw of ['2026-02-30', '0000-01-01', '9999-99-99', 'garbage']) {
			expect(readSince(raw, now), raw).toEqual({ day: '2026-05-11', problem: `“${raw}” is not a real date between 1900 and 2999 (expected YYYY-MM-DD, e.g. 2026-05-11); showing changes since 2026-05-11 instead.` });
		}
	});

	it('refuses the future', () => {
		expect(readSince('2026-06-11', now)).toEqual({ day: '2026-05-11', problem: '2026-06-11 is in the future; showing changes since 2026-05-11 instead.' });
	});
});
