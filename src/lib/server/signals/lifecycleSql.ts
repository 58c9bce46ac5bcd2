/**
 * `lifecycle` conditions as SQL, with the definition of src/lib/domain/signals/lifecycleOverTime.ts:
 * one CTE per query lists each account's stages as steps [from_ms, to_ms) (null for "from the start
 * of history" and "until now"), read from its purchases and churns only (index on workspace, type,
 * time; later than now too, since a later churn says the account was a customer until then), and
 * accounts with neither as one step holding their stored stage. Each condition is then
 * the union of the steps whose stage passes its test.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { ValueTest } from '$lib/domain/signals/rule';
import { LIFECYCLE_EVENTS } from '$lib/domain/signals/lifecycleOverTime';
import { passes, textStored } from './compileValueTest';
import { FULL, part, type Compiler } from './compilerParts';

const STEPS = 'lc';

/** `case x.type when 'purchase' then 'customer' ...`, from LIFECYCLE_EVENTS. */
function stageOf(which: 'after' | 'before', type: SQL): SQL {
	const cases = Object.entries(LIFECYCLE_EVENTS).map(([t, stage]) => sql`when ${t}::text then ${stage[which]}::text`);
	return sql`(case ${type} ${sql.join(cases, sql` `)} end)`;
}

/** Adds the steps CTE once per query; returns its name. */
function lifecycleStepsCte(c: Compiler): string {
	if (c.lifecycleSteps) return STEPS;
	c.lifecycleSteps = true;
	const types = Object.keys(LIFECYCLE_EVENTS).map((t) => sql`${t}::activity_type`);
	c.events.push(sql`lc_changes as materialized (
  select x.account_id, x.type::text as type, (extract(epoch from x.occurred_at) * 1000)::bigint as ms,
    row_number() over w as k, lead((extract(epoch from x.occurred_at) * 1000)::bigint) over w as next_ms
  from activity x where ${c.accountScope} and x.type in (${sql.join(types, sql`, `)})
  window w as (partition by x.account_id order by x.occurred_at, x.id)
), ${sql.raw(STEPS)} as materialized (
  select y.account_id, y.ms as from_ms, y.next_ms as to_ms, ${stageOf('after', sql`y.type`)} as lifecycle from lc_changes y
  union all
  select y.account_id, null, y.ms, ${stageOf('before', sql`y.type`)} from lc_changes y where y.k = 1
  union all
  select h.account_id, null, null, h.lifecycle from hist h where not exists (select 1 from lc_changes y where y.account_id = h.account_id)
)`);
	return STEPS;
}

/** Where the account's stage passes the test, within its history. */
export function lifecycleCondition(c: Compiler, test: ValueTest): SQL {
	const steps = sql.raw(lifecycleStepsCte(c));
	const m = part(
		c,
		sql`select s.account_id, range_agg(int8range(s.from_ms, s.to_ms)) as m from ${steps} s where ${passes(test, textStored(sql`s.lifecycle`))} group by s.account_id`
	);
	return sql`(${m} * ${FULL})`;
}
