/**
 * The tree the generated parser returns: the rule as written, with source positions, before any
 * check. Only buildRule.ts reads it; everything else uses the checked AST of rule.ts.
 */

export interface SourceAt {
	/** 0-based character offset. */
	offset: number;
	/** 1-based. */
	line: number;
	/** 1-based. */
	column: number;
}

export interface RawName {
	text: string;
	loc: SourceAt;
}

export interface RawValue {
	value: string | number;
	loc: SourceAt;
}

export interface RawNumber {
	value: number;
	loc: SourceAt;
}

export interface RawDuration {
	amount: number;
	unit: 'm' | 'h' | 'd' | 'w';
	loc: SourceAt;
}

export type RawTest =
	| { op: 'in'; values: RawValue[]; loc: SourceAt }
	| { op: '=' | '!=' | '~' | '>' | '>=' | '<' | '<='; value: RawValue; loc: SourceAt };

export interface RawCondition {
	property: RawName;
	test: RawTest;
}

export interface RawEvent {
	type: RawName;
	where: RawCondition[];
}

export type RawExpression =
	| { kind: 'and' | 'or'; items: RawExpression[]; loc: SourceAt }
	| { kind: 'not'; item: RawExpression; loc: SourceAt }
	| {
			kind: 'count';
			event: RawEvent;
			op: '>=' | '>' | '=' | '<=' | '<';
			count: RawNumber;
			within: RawDuration;
			loc: SourceAt;
	  }
	| { kind: 'absence'; event: RawEvent; for: RawDuration; loc: SourceAt }
	| { kind: 'sequence'; first: RawEvent; then: RawEvent; within: RawDuration; loc: SourceAt }
	| { kind: 'attribute'; scope: 'account' | 'contact'; name: RawName; test: RawTest; loc: SourceAt };
