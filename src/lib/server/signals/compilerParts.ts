/**
 * The building blocks compileRule assembles a rule's query from: the compiler's state, the
 * multirange constants, and the CTEs for matching events, per-account parts and evidence lookups.
 * See compileRule.ts for how a rule becomes ranges.
 */
import { sql, type SQL } from 'drizzle-orm';
import { DEPARTMENT_PROPERTY, type EventPattern } from '$lib/domain/signals/rule';
import { ACTIVITY_TYPES } from '$lib/domain/crm/activityTypes';
import { jsonStored, passes, RuleCompileError, textStored } from './compileValueTest';

export interface Compiler {
	/** Conditions every activity read must pass: the workspace, up to now, the chosen accounts. */
	scope: SQL;
	/** The same without "up to now": lifecycle stages read later purchases and churns too. */
	accountScope: SQL;
	/** CTEs: matching activities per event pattern (id, account_id, ms), then per-account parts. */
	events: SQL[];
	/** Per-account CTEs (account_id, m) left-joined to the accounts, named p0, p1, ... */
	parts: string[];
	/**
	 * Per-account CTEs of arrays (events or sequence pairs in (occurred_at, id) order) that evidence
	 * reads at each run start; carried on each account's row as NAME_COLUMN.
	 */
	arrays: { name: string; columns: string[] }[];
	/** How many nodes are named (n0, n1, ... in pre-order). */
	nodes: number;
	/** Lateral steps computing each node's multirange, in post-order (children before parents). */
	laterals: SQL[];
	/** Evidence queries, each yielding (account_id, p, id) for run starts p. */
	evidence: SQL[];
	/** Conditions of each event CTE on an activity aliased x (type and filters, not the scope). */
	patterns: Map<string, SQL>;
	/**
	 * Read evidence by index lookups on the activity table at each run start (one run per account
	 * in 'last' mode), instead of carrying every matching event per account in arrays.
	 */
	lookups: boolean;
	workspace: SQL;
	nowAt: SQL;
	/** The per-query CTE of lifecycle stages over time is added (lifecycleSql.ts). */
	lifecycleSteps?: boolean;
}

export const FULL = sql`int8multirange(int8range(h.start_ms, h.end_ms))`;
export const EMPTY = sql`'{}'::int8multirange`;
/** Every instant: cut down to the account's range where used. */
export const FULL_ANY = sql`int8multirange(int8range(null, null))`;

/** Where a whole window of length d fits in history: [start + d, end). */
export function fullWindow(d: number): SQL {
	return sql`int8multirange(int8range(least(h.start_ms + ${d}::bigint, h.end_ms), h.end_ms))`;
}

export function eventCte(c: Compiler, pattern: EventPattern): string {
	const name = `e${c.events.length}`;
	const conditions = pattern.where.map((w) =>
		passes(
			w.test,
			w.property === DEPARTMENT_PROPERTY ? textStored(sql`x.department::text`) : jsonStored(sql`(x.properties -> ${w.property}::text)`)
		)
	);
	if (!(ACTIVITY_TYPES as readonly string[]).includes(pattern.type)) {
		throw new RuleCompileError(`unknown activity type ${pattern.type}`);
	}
	const own = [sql`x.type = ${pattern.type}::activity_type`, ...conditions];
	c.patterns.set(name, sql.join(own, sql` and `));
	const where = [c.scope, ...own];
	c.events.push(
		sql`${sql.raw(name)} as (select x.id, x.account_id, x.occurred_at, (extract(epoch from x.occurred_at) * 1000)::bigint as ms from activity x where ${sql.join(where, sql` and `)})`
	);
	return name;
}

/** Adds a per-account CTE (account_id, m) and returns its multirange, empty for accounts it lacks. */
export function part(c: Compiler, query: SQL): SQL {
	const name = `p${c.parts.length}`;
	c.parts.push(name);
	c.events.push(sql`${sql.raw(name)} as materialized (${query})`);
	return sql`coalesce(${sql.raw(name)}.m, ${EMPTY})`;
}

/** Adds a per-account CTE of arrays; returns a function naming its columns on a run row. */
export function arrayPart(c: Compiler, query: SQL, columns: string[]): (column: string) => SQL {
	const name = `a${c.arrays.length}`;
	c.arrays.push({ name, columns });
	c.events.push(sql`${sql.raw(name)} as materialized (${query})`);
	return (column) => sql.raw(`r.${name}_${column}`);
}

/** The events of a CTE per account, as arrays of ids and times in (occurred_at, id) order. */
export function eventArrays(c: Compiler, events: string): (column: string) => SQL {
	const e = sql.raw(events);
	return arrayPart(
		c,
		sql`select y.account_id, array_agg(y.id order by y.ms, y.id) as ids, array_agg(y.ms order by y.ms, y.id) as mss from ${e} y group by y.account_id`,
		['ids', 'mss']
	);
}

export const msToTime = (ms: SQL) => sql`(timestamptz 'epoch' + (${ms}) * interval '1 millisecond')`;
export const ACTIVITY_MS = sql`(extract(epoch from x.occurred_at) * 1000)::bigint`;

/** Activities of an event CTE's pattern for the run's account, by index (workspace, account, type, time). */
export function lookup(c: Compiler, events: string, range: SQL, order = sql``): SQL {
	return sql`select x.id, ${ACTIVITY_MS} as ms from activity x where x.workspace_id = ${c.workspace} and x.account_id = r.account_id and x.occurred_at <= ${c.nowAt} and ${c.patterns.get(events)!} and ${range}${order}`;
}

/**
 * Where at least n events of the CTE are in the window (t - d, t]: the union over each event i of
 * [t_i, t_(i-n+1) + d), events ordered by (occurred_at, id).
 */
export function atLeast(c: Compiler, events: string, n: number, d: number): SQL {
	if (n <= 0) return FULL;
	const e = sql.raw(events);
	const m = part(
		c,
		sql`select w.account_id, range_agg(int8range(w.ms, w.first_ms + ${d}::bigint)) as m from (select y.account_id, y.ms, lag(y.ms, ${n - 1}::int) over (partition by y.account_id order by y.occurred_at, y.id) as first_ms from ${e} y) w where w.first_ms is not null and w.first_ms + ${d}::bigint > w.ms group by w.account_id`
	);
	return sql`(${m} * ${FULL})`;
}

