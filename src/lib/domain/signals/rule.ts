/**
 * The abstract syntax tree of a playbook signal rule: what `parseRule` returns and what every
 * consumer (the in-memory evaluator, describeRule, the SQL compiler) reads. It holds no source
 * positions and nothing derived: each node says exactly what the rule text said, in checked form
 * (activity types, attribute names and durations are validated before a tree exists).
 *
 * Keep this file stable: add node kinds rather than change existing ones.
 */
import type { ActivityType } from '$lib/domain/crm/activityTypes';

/** A whole rule. A rule is one expression. */
export type Rule = RuleExpression;

export type RuleExpression =
	| AllOf
	| AnyOf
	| Not
	| CountRule
	| AbsenceRule
	| SequenceRule
	| AccountCondition
	| ContactCondition;

/** `a and b and c`: holds while every item holds (interval intersection). Always 2+ items. */
export interface AllOf {
	kind: 'and';
	items: RuleExpression[];
}

/** `a or b or c`: holds while any item holds (interval union). Always 2+ items. */
export interface AnyOf {
	kind: 'or';
	items: RuleExpression[];
}

/** `not a`: holds while `a` does not, within [start of history, now]. */
export interface Not {
	kind: 'not';
	item: RuleExpression;
}

/**
 * `count(EVENT) OP N within DURATION`: holds at instant t when the number of matching activities
 * with occurredAt in the half-open window (t - within, t] compares to `count` with `op`.
 * For `<`, `<=` and `=` it holds only once a whole window fits in the history
 * (t - within >= start of history).
 */
export interface CountRule {
	kind: 'count';
	event: EventPattern;
	op: CountOperator;
	/** A whole number >= 0. */
	count: number;
	within: Duration;
}

/**
 * `no(EVENT) for DURATION`: holds at t when no matching activity has occurredAt in
 * (t - for, t] and t - for >= start of history.
 */
export interface AbsenceRule {
	kind: 'absence';
	event: EventPattern;
	for: Duration;
}

/**
 * `FIRST then THEN within DURATION`: a `then` activity at tB that follows a `first` activity at
 * tA with tA < tB (strictly) and tB - tA <= within (inclusive). The rule holds on
 * [tB, tB + within) for each such `then` activity.
 */
export interface SequenceRule {
	kind: 'sequence';
	first: EventPattern;
	then: EventPattern;
	within: Duration;
}

/**
 * `lifecycle = customer`, `plan in [pro, enterprise]`: `lifecycle` is the account's stage at each
 * moment (lifecycleOverTime.ts); the other attributes are its current values.
 */
export interface AccountCondition {
	kind: 'account';
	attribute: AccountAttribute;
	test: ValueTest;
}

/** `contact.lifecycle = sql`: holds when ANY contact of the account passes the test. */
export interface ContactCondition {
	kind: 'contact';
	attribute: ContactAttribute;
	test: ValueTest;
}

/** Activities of one type whose properties pass every condition (an empty list passes all). */
export interface EventPattern {
	type: ActivityType;
	where: PropertyCondition[];
}

/**
 * A test on one activity property. `property` is a key of the activity's `properties` JSON,
 * except `department`, which is the activity's department column.
 */
export interface PropertyCondition {
	property: string;
	test: ValueTest;
}

/**
 * How a stored value is compared (see `valueTest.ts` for the exact rules both the evaluator and
 * the SQL compiler follow):
 * - `=` / `!=` with a number compare numerically; with text, ignoring upper/lower case.
 *   A missing value is never `=` anything and always `!=`.
 * - `~` is "contains", ignoring case; a missing value contains nothing.
 * - `>`, `>=`, `<`, `<=` compare numbers only; a stored value that is not a number never passes.
 * - `in` passes when `=` passes for any listed value (the list is never empty).
 */
export type ValueTest =
	| { op: '=' | '!='; value: RuleValue }
	| { op: '~'; value: string }
	| { op: '>' | '>=' | '<' | '<='; value: number }
	| { op: 'in'; values: RuleValue[] };

/** A value as written: a number, or text (quoted or a bare word). */
export type RuleValue = string | number;

export type ComparisonOperator = '=' | '!=' | '~' | '>' | '>=' | '<' | '<=';
export type CountOperator = '>=' | '>' | '=' | '<=' | '<';

/** A rolling length of time: `3d` is 3 x 24 hours, never a calendar day. */
export interface Duration {
	/** A whole number > 0. */
	amount: number;
	unit: DurationUnit;
}

export type DurationUnit = 'm' | 'h' | 'd' | 'w';

export const DURATION_UNIT_MS: Record<DurationUnit, number> = {
	m: 60_000,
	h: 3_600_000,
	d: 86_400_000,
	w: 604_800_000
};

/** The length of a duration in milliseconds. */
export function durationMs(duration: Duration): number {
	return duration.amount * DURATION_UNIT_MS[duration.unit];
}

/** Account attributes a rule can test, with the kind of value each holds. */
export const ACCOUNT_ATTRIBUTES = ['lifecycle', 'plan', 'arr', 'industry', 'size'] as const;
export type AccountAttribute = (typeof ACCOUNT_ATTRIBUTES)[number];

/** Contact attributes a rule can test as `contact.NAME`. */
export const CONTACT_ATTRIBUTES = ['lifecycle', 'title'] as const;
export type ContactAttribute = (typeof CONTACT_ATTRIBUTES)[number];

/** The property name that means the activity's department column, not a JSON property. */
export const DEPARTMENT_PROPERTY = 'department';
