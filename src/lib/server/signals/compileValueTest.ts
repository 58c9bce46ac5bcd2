/**
 * Value tests of the rule language (valueTest.ts) as SQL over stored values: JSON properties,
 * text columns and number columns. See compileRule.ts for the known differences on rare values.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { RuleValue, ValueTest } from '$lib/domain/signals/rule';

export class RuleCompileError extends Error {}

const NUMBER_TEXT = '^-?[0-9]+(\\.[0-9]+)?$';

/** A stored value, as SQL: its text (null when missing) and its number (null when not a number). */
export interface Stored {
	text: SQL;
	number: SQL;
}

export function jsonStored(value: SQL): Stored {
	return {
		text: sql`(case jsonb_typeof(${value}) when 'string' then ${value} #>> '{}' when 'number' then trim_scale((${value})::numeric)::text when 'boolean' then ${value} #>> '{}' end)`,
		number: sql`(case when jsonb_typeof(${value}) = 'number' then (${value})::float8 when jsonb_typeof(${value}) = 'string' and (${value} #>> '{}') ~ ${NUMBER_TEXT} then (${value} #>> '{}')::float8 end)`
	};
}

export function textStored(value: SQL): Stored {
	return {
		text: value,
		number: sql`(case when ${value} ~ ${NUMBER_TEXT} then (${value})::float8 end)`
	};
}

export function numberStored(value: SQL): Stored {
	return { text: sql`(${value})::text`, number: sql`(${value})::float8` };
}

function equals(stored: Stored, value: RuleValue): SQL {
	if (typeof value === 'number') return sql`coalesce(${stored.number} = ${value}::float8, false)`;
	return sql`coalesce(lower(${stored.text}) = ${value.toLowerCase()}::text, false)`;
}

export function passes(test: ValueTest, stored: Stored): SQL {
	switch (test.op) {
		case '=':
			return equals(stored, test.value);
		case '!=':
			return sql`(not ${equals(stored, test.value)})`;
		case 'in':
			return sql`(${sql.join(
				test.values.map((v) => equals(stored, v)),
				sql` or `
			)})`;
		case '~':
			return sql`coalesce(strpos(lower(${stored.text}), ${test.value.toLowerCase()}::text) > 0, false)`;
		case '>':
		case '>=':
		case '<':
		case '<=':
			return sql`coalesce(${stored.number} ${sql.raw(test.op)} ${test.value}::float8, false)`;
		default:
			throw new RuleCompileError(`unsupported value test ${(test as { op: string }).op}`);
	}
}

