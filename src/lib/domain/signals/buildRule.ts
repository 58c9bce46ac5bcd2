/**
 * Checks the parser's raw tree for what a grammar cannot say (known activity types and
 * attributes, sensible numbers and durations, values from the CRM's vocabularies) and turns it
 * into the AST of rule.ts. Stops at the first problem, in source order.
 */
import { ACTIVITY_TYPES, isActivityType } from '$lib/domain/crm/activityTypes';
import {
	ACCOUNT_LIFECYCLES,
	COMPANY_SIZES,
	CONTACT_LIFECYCLES,
	DEPARTMENTS,
	PLANS
} from '$lib/domain/crm/vocabulary';
import { formatWhole, MAX_AMOUNT } from '$lib/domain/storedNumbers';
import { closestName } from './closest';
import type { RawDuration, RawEvent, RawExpression, RawTest, RawValue, SourceAt } from './rawRule';
import {
	ACCOUNT_ATTRIBUTES,
	CONTACT_ATTRIBUTES,
	DEPARTMENT_PROPERTY,
	DURATION_UNIT_MS,
	type AccountAttribute,
	type ContactAttribute,
	type Duration,
	type DurationUnit,
	type EventPattern,
	type RuleExpression,
	type ValueTest
} from './rule';

/** A problem found after parsing, at a place in the source. */
export class RuleCheckError extends Error {
	constructor(
		readonly at: SourceAt,
		message: string,
		readonly expected: string[]
	) {
		super(message);
	}
}

const quote = (text: string | number) => `"${text}"`;

function listInWords(items: readonly string[], last = 'and'): string {
	return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1)}`;
}

/** What a named value must be: free text, a number, or one of a fixed vocabulary. */
type ValueKind = { kind: 'text' } | { kind: 'number' } | { kind: 'choice'; noun: string; choices: readonly string[] };

const ACCOUNT_VALUE_KINDS: Record<AccountAttribute, ValueKind> = {
	lifecycle: { kind: 'choice', noun: 'an account lifecycle', choices: ACCOUNT_LIFECYCLES },
	plan: { kind: 'choice', noun: 'a plan', choices: PLANS },
	arr: { kind: 'number' },
	industry: { kind: 'text' },
	size: { kind: 'choice', noun: 'a company size', choices: COMPANY_SIZES }
};

const CONTACT_VALUE_KINDS: Record<ContactAttribute, ValueKind> = {
	lifecycle: { kind: 'choice', noun: 'a contact lifecycle', choices: CONTACT_LIFECYCLES },
	title: { kind: 'text' }
};

const DEPARTMENT_KIND: ValueKind = { kind: 'choice', noun: 'a department', choices: DEPARTMENTS };

/** Turns a raw parse tree into a checked rule, or throws RuleCheckError. */
export function buildRule(raw: RawExpression): RuleExpression {
	switch (raw.kind) {
		case 'and':
		case 'or':
			return { kind: raw.kind, items: raw.items.map(buildRule) };
		case 'not':
			return { kind: 'not', item: buildRule(raw.item) };
		case 'count': {
			const event = buildEvent(raw.event);
			const { value, loc } = raw.count;
			if (!Number.isInteger(value) || value < 0) {
				throw new RuleCheckError(loc, `a count must be a whole number, 0 or more; found ${quote(value)}.`, [
					'a whole number like 3'
				]);
			}
			return { kind: 'count', event, op: raw.op, count: value, within: buildDuration(raw.within) };
		}
		case 'absence':
			return { kind: 'absence', event: buildEvent(raw.event), for: buildDuration(raw.for) };
		case 'sequence':
			return {
				kind: 'sequence',
				first: buildEvent(raw.first),
				then: buildEvent(raw.then),
				within: buildDuration(raw.within)
			};
		case 'attribute':
			return raw.scope === 'account' ? buildAccountCondition(raw) : buildContactCondition(raw);
	}
}

function buildAccountCondition(raw: Extract<RawExpression, { kind: 'attribute' }>): RuleExpression {
	const name = raw.name.text;
	if (!(ACCOUNT_ATTRIBUTES as readonly string[]).includes(name)) {
		const hint = isActivityType(name)
			? `${quote(name)} is an activity type, not an account attribute: to test for it write count(${name}) >= 1 within 30d.`
			: `${quote(name)} is not an account attribute. Did you mean ${quote(closestName(name, ACCOUNT_ATTRIBUTES))}? ` +
				`Accounts have ${listInWords(ACCOUNT_ATTRIBUTES)}; contacts have contact.lifecycle and contact.title.`;
		throw new RuleCheckError(raw.name.loc, hint, [...ACCOUNT_ATTRIBUTES]);
	}
	const attribute = name as AccountAttribute;
	return { kind: 'account', attribute, test: buildTest(raw.test, name, ACCOUNT_VALUE_KINDS[attribute]) };
}

function buildContactCondition(raw: Extract<RawExpression, { kind: 'attribute' }>): RuleExpression {
	const name = raw.name.text;
	if (!(CONTACT_ATTRIBUTES as readonly string[]).includes(name)) {
		const names = CONTACT_ATTRIBUTES.map((a) => `contact.${a}`);
		throw new RuleCheckError(
			raw.name.loc,
			`${quote(`contact.${name}`)} is not a contact attribute. Did you mean ` +
				`${quote(`contact.${closestName(name, CONTACT_ATTRIBUTES)}`)}? Contacts have ${listInWords(names)}.`,
			names
		);
	}
	const attribute = name as ContactAttribute;
	return {
		kind: 'contact',
		attribute,
		test: buildTest(raw.test, `contact.${name}`, CONTACT_VALUE_KINDS[attribute])
	};
}

function buildEvent(raw: RawEvent): EventPattern {
	const { text, loc } = raw.type;
	if (!isActivityType(text)) {
		throw new RuleCheckError(
			loc,
			`${quote(text)} is not an activity type. Did you mean ${quote(closestName(text, ACTIVITY_TYPES))}?`,
			[...ACTIVITY_TYPES]
		);
	}
	return {
		type: text,
		where: raw.where.map((c) => ({
			property: c.property.text,
			test: buildTest(
				c.test,
				c.property.text,
				c.property.text === DEPARTMENT_PROPERTY ? DEPARTMENT_KIND : { kind: 'text' }
			)
		}))
	};
}

function buildDuration(raw: RawDuration): Duration {
	const written = `${raw.amount}${raw.unit}`;
	const expected = ['a duration like 3d or 12h'];
	if (raw.amount <= 0) {
		throw new RuleCheckError(raw.loc, `a duration must be longer than zero; found ${quote(written)}.`, expected);
	}
	if (!Number.isInteger(raw.amount)) {
		const smaller = smallerWholeDuration(raw.amount, raw.unit);
		throw new RuleCheckError(
			raw.loc,
			`a duration is a whole number of minutes (m), hours (h), days (d) or weeks (w); found ${quote(written)}.` +
				(smaller ? ` Write ${smaller} instead.` : ''),
			expected
		);
	}
	return { amount: raw.amount, unit: raw.unit as DurationUnit };
}

/** 1.5d -> "36h": the same length in the largest smaller unit that makes it whole, if any. */
function smallerWholeDuration(amount: number, unit: DurationUnit): string | undefined {
	const ms = amount * DURATION_UNIT_MS[unit];
	for (const smaller of ['d', 'h', 'm'] as const) {
		const n = ms / DURATION_UNIT_MS[smaller];
		if (DURATION_UNIT_MS[smaller] < DURATION_UNIT_MS[unit] && Number.isInteger(Math.round(n * 1e9) / 1e9)) {
			return `${Math.round(n)}${smaller}`;
		}
	}
	return undefined;
}

function buildTest(raw: RawTest, name: string, kind: ValueKind): ValueTest {
	if (raw.op === 'in') {
		if (raw.values.length === 0) {
			throw new RuleCheckError(
				raw.loc,
				`the list after "in" is empty: put at least one value in it, like ${name} in [a, b].`,
				['at least one value']
			);
		}
		return { op: 'in', values: raw.values.map((v) => checkValue(v, name, kind)) };
	}
	if (kind.kind === 'choice' && raw.op !== '=' && raw.op !== '!=') {
		throw new RuleCheckError(raw.loc, `${name} is compared with =, != or in; found ${quote(raw.op)}.`, [
			'=',
			'!=',
			'in'
		]);
	}
	const value = checkValue(raw.value, name, kind);
	if (raw.op === '~') return { op: '~', value: String(value) };
	if (raw.op === '=' || raw.op === '!=') return { op: raw.op, value };
	if (typeof value !== 'number') {
		throw new RuleCheckError(
			raw.value.loc,
			`${quote(raw.op)} compares numbers, but ${quote(value)} is not a number. Use = or in to compare words.`,
			['a number']
		);
	}
	return { op: raw.op, value };
}

function checkValue(raw: RawValue, name: string, kind: ValueKind): string | number {
	const { value, loc } = raw;
	if (kind.kind === 'number' && typeof value !== 'number') {
		throw new RuleCheckError(loc, `${name} is a number; found ${quote(value)}. Write it like ${name} >= 20000.`, [
			'a number'
		]);
	}
	if (kind.kind === 'number' && Math.abs(value as number) > MAX_AMOUNT) {
		throw new RuleCheckError(loc, `${name} is at most ${formatWhole(MAX_AMOUNT)}, the largest amount we store; use a smaller number.`, [
			'a number'
		]);
	}
	if (kind.kind === 'choice') {
		const known = kind.choices.find((c) => c.toLowerCase() === String(value).toLowerCase());
		if (known === undefined) {
			throw new RuleCheckError(
				loc,
				`${quote(value)} is not ${kind.noun}. Did you mean ${quote(closestName(String(value), kind.choices))}? ` +
					`${name} is one of ${listInWords(kind.choices, 'or')}.`,
				[...kind.choices]
			);
		}
		return known;
	}
	return value;
}
