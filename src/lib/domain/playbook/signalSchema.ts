/**
 * What a signal block must say, as one zod schema with plain-words messages. The block's YAML is
 * read with the failsafe schema, so every scalar arrives here as a string.
 */
import { z } from 'zod';
import { DEPARTMENTS, type Department } from '../crm/vocabulary';

export const SIGNAL_FAMILIES = ['buying', 'churn-risk', 'upsell', 'support-gap'] as const;
export type SignalFamily = (typeof SIGNAL_FAMILIES)[number];

export const SIGNAL_FAMILY_LABELS: Record<SignalFamily, string> = {
	buying: 'Buying',
	'churn-risk': 'Churn risk',
	upsell: 'Upsell',
	'support-gap': 'Support gap'
};

export const SIGNAL_STATUSES = ['draft', 'experimental', 'stable', 'retired'] as const;
export type SignalStatus = (typeof SIGNAL_STATUSES)[number];

export const SIGNAL_STATUS_LABELS: Record<SignalStatus, string> = {
	draft: 'Draft',
	experimental: 'Experimental',
	stable: 'Stable',
	retired: 'Retired'
};

export const SIGNAL_FIELDS = [
	'id',
	'name',
	'family',
	'status',
	'rule',
	'means',
	'action',
	'notify',
	'weight',
	'template',
	'alert',
	'task',
	'decay'
] as const;
export type SignalField = (typeof SIGNAL_FIELDS)[number];

export const WEIGHT_MIN = -100;
export const WEIGHT_MAX = 100;

/** Lower-case words joined by single hyphens: "pricing-page-repeat". */
export const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** "a, b or c" */
export function orList(items: readonly string[]): string {
	return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** A value quoted for a message, cut short when long. */
export function quoted(value: unknown): string {
	if (typeof value !== 'string') return Array.isArray(value) ? 'a list' : 'not text';
	const oneLine = value.replace(/\s+/g, ' ').trim();
	return `'${oneLine.length > 40 ? `${oneLine.slice(0, 39)}…` : oneLine}'`;
}

function isMissing(input: unknown): boolean {
	return input === undefined;
}

function text(field: SignalField, example: string) {
	return z
		.string({
			error: (iss) =>
				isMissing(iss.input)
					? `${field} is missing; add a line like '${field}: ${example}'`
					: `${field} should be text, not a list or a mapping`
		})
		.trim()
		.min(1, { error: `${field} is empty; write what it should say after '${field}:'` });
}

const kebab = (field: SignalField, example: string) =>
	text(field, example).regex(KEBAB_CASE, {
		error: (iss) => `${field} ${quoted(iss.input)} should be lower-case words joined by hyphens, like '${example}'`
	});

const notify = z.preprocess(
	(input) => {
		if (input === undefined) return [];
		if (typeof input === 'string') return input.split(/[\s,]+/).filter(Boolean);
		return input;
	},
	z
		.array(
			z.enum(DEPARTMENTS, {
				error: (iss) =>
					`notify lists ${quoted(iss.input)}, which is not a department; use ${orList(DEPARTMENTS)}`
			}),
			{ error: 'notify should be a list of departments, like [sales, success]' }
		)
		.transform((list) => [...new Set(list)] as Department[])
);

const weight = z.preprocess(
	(input) => {
		if (input === undefined || input === '') return 0;
		if (typeof input === 'string' && /^[+-]?\d+$/.test(input.trim())) return Number(input.trim());
		return input;
	},
	z
		.number({ error: (iss) => `weight is ${quoted(iss.input)}; use a whole number from ${WEIGHT_MIN} to ${WEIGHT_MAX}` })
		.int()
		.min(WEIGHT_MIN, { error: (iss) => `weight ${iss.input} is below ${WEIGHT_MIN}; use a number from ${WEIGHT_MIN} to ${WEIGHT_MAX}` })
		.max(WEIGHT_MAX, { error: (iss) => `weight ${iss.input} is above ${WEIGHT_MAX}; use a number from ${WEIGHT_MIN} to ${WEIGHT_MAX}` })
);

const choice = <T extends readonly [string, ...string[]]>(field: SignalField, values: T, noun: string) =>
	z.preprocess(
		(input) => (typeof input === 'string' ? input.trim() : input),
		z.enum(values, {
			error: (iss) =>
				isMissing(iss.input)
					? `${field} is missing; use ${orList(values)}`
					: `${field} is ${quoted(iss.input)}, which is not a ${noun}; use ${orList(values)}`
		})
	);

/** `alert: yes` / `alert: no`; absent means the family's default (see signalAutomation.ts). */
const alert = z.preprocess(
	(input) => (typeof input === 'string' ? input.trim().toLowerCase() : input),
	z.enum(['yes', 'no'], { error: (iss) => `alert is ${quoted(iss.input)}; write 'alert: yes' or 'alert: no'` }).optional()
);

/** "owner in 2d" or "success in 3d": who gets the follow-up task and how many days it is due in. */
export const TASK_SPEC = /^(owner|[a-z]+) in (\d{1,3})d$/;

const task = z.preprocess(
	(input) => (typeof input === 'string' ? input.trim().toLowerCase().replace(/\s+/g, ' ') : input),
	z
		.string({ error: 'task should be text like \'owner in 2d\'' })
		.refine(
			(value) => {
				const m = TASK_SPEC.exec(value);
				return m !== null && (m[1] === 'owner' || (DEPARTMENTS as readonly string[]).includes(m[1])) && Number(m[2]) <= 365;
			},
			{
				error: (iss) =>
					`task is ${quoted(iss.input)}; write who and when, like 'owner in 2d' (the account owner) or 'success in 3d' (a department: ${orList(DEPARTMENTS)}), at most 365d`
			}
		)
		.optional()
);

/** Half-life of a signal's weight in the lead score, as days or weeks: "30d", "6w". */
export const DECAY_SPEC = /^(\d{1,4})([dw])$/;

const decay = z.preprocess(
	(input) => (typeof input === 'string' ? input.trim().toLowerCase() : input),
	z
		.string({ error: 'decay should be text like \'30d\'' })
		.regex(DECAY_SPEC, {
			error: (iss) => `decay is ${quoted(iss.input)}; write the half-life of the weight as days or weeks, like '30d' or '6w'`
		})
		.refine((value) => Number(DECAY_SPEC.exec(value)?.[1] ?? 1) > 0, { error: 'decay should be at least 1d' })
		.optional()
);

/** The fields of a signal block after validation (trimmed text, defaults filled in). */
export const signalFieldsSchema = z.strictObject(
	{
		id: kebab('id', 'pricing-page-repeat'),
		name: text('name', 'Pricing page viewed repeatedly'),
		family: choice('family', SIGNAL_FAMILIES, 'family'),
		status: choice('status', SIGNAL_STATUSES, 'status'),
		rule: text('rule', 'count(pricing_visit) >= 3 within 1d'),
		means: text('means', 'The account is evaluating a purchase'),
		action: text('action', 'Offer a demo within one working day'),
		notify,
		weight,
		template: kebab('template', 'demo-offer').optional(),
		alert,
		task,
		decay
	},
	{
		error: (iss) =>
			iss.code === 'unrecognized_keys'
				? `unknown field; the fields are ${orList(SIGNAL_FIELDS)}`
				: 'a signal block should be a list of "field: value" lines'
	}
);

export type SignalFields = z.infer<typeof signalFieldsSchema>;
