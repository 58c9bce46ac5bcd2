import { z } from 'zod';
import { formatWhole, isRowNumber, MAX_AMOUNT } from '../storedNumbers';
import { isCalendarDay, YEAR_RANGE } from '../calendarDate';

/** Building blocks for form schemas: each turns browser strings into typed values with plain-words errors. */

export const requiredText = (what: string, max = 200) =>
	z
		.string({ error: `Enter ${what}.` })
		.trim()
		.min(1, `Enter ${what}.`)
		.max(max, `Keep ${what} under ${max} characters.`);

export const optionalText = (what: string, max = 200) =>
	z
		.string()
		.trim()
		.max(max, `Keep ${what} under ${max} characters.`)
		.optional()
		.transform((v) => v || null);

export const optionalEmail = z
	.string()
	.trim()
	.toLowerCase()
	.optional()
	.transform((v) => v || null)
	.refine((v) => v === null || z.email().safeParse(v).success, 'That email address does not look right (expected name@company.com).');

export const email = z
	.string({ error: 'Enter your email address.' })
	.trim()
	.toLowerCase()
	.min(1, 'Enter your email address.')
	.pipe(z.email('That email address does not look right (expected name@company.com).'));

export const choice = <const T extends readonly [string, ...string[]]>(values: T, what: string) =>
	z.enum(values, { error: `Choose ${what}.` });

export const optionalChoice = <const T extends readonly [string, ...string[]]>(values: T, what: string) =>
	z
		.union([z.literal(''), z.enum(values, { error: `Choose ${what} from the list.` })])
		.optional()
		.transform((v) => (v ? v : null));

export const optionalId = (what: string) =>
	z
		.union([z.literal(''), z.uuid(`Choose ${what} from the list.`)])
		.optional()
		.transform((v) => v || null);

export const requiredId = (what: string) => z.uuid(`Choose ${what} from the list.`);

/** Whole, non-negative amount up to MAX_AMOUNT (the column is an integer); accepts "12,000" and "$12000". */
export const money = (what: string) =>
	z
		.string()
		.optional()
		.transform((v) => (v ?? '').replace(/[$,\s]/g, ''))
		.refine((v) => v === '' || /^\d+$/.test(v), `Enter ${what} as a whole number of dollars, like 12000.`)
		.transform((v) => (v === '' ? 0 : Number(v)))
		.refine((v) => v <= MAX_AMOUNT, `${capitalize(what)} is too large: we store amounts up to ${formatWhole(MAX_AMOUNT)}.`);

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The number of a stored row (a revision, a proposal): a whole number from 1 that fits an integer column. */
export const rowNumber = (message: string) =>
	z
		.string({ error: message })
		.trim()
		.regex(/^\d+$/, message)
		.transform(Number)
		.refine(isRowNumber, message);

export const requiredDate = (what: string) =>
	z
		.string({ error: `Enter ${what}.` })
		.trim()
		.min(1, `Enter ${what}.`)
		.refine(isCalendarDay, `Enter ${what} as a real date ${YEAR_RANGE}, like 2026-03-31.`);

export const optionalDate = (what: string) =>
	z
		.string()
		.trim()
		.optional()
		.transform((v) => v || null)
		.refine((v) => v === null || isCalendarDay(v), `Enter ${what} as a real date ${YEAR_RANGE}, like 2026-03-31.`);
