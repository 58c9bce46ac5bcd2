/**
 * Compiles a parsed signal rule into one SQL query that evaluates it for every account of a
 * workspace at once, with the in-memory evaluator's semantics (src/lib/domain/signals/
 * evaluateRule.ts): the same `fires`, `firstFiredAt`, `holdsNow` and `evidence`.
 *
 * How: time is integer milliseconds since the epoch (occurred_at has millisecond precision), and
 * where a (sub)rule holds is an `int8multirange` per account, inside the evaluation range
 * [start of history, now + 1 ms). Combining is exact range algebra: `and` is `*`, `or` is `+`,
 * `not` is the range minus the item; touching ranges join, as the evaluator's runs do.
 * - `count(E) >= n within D` holds on the union, over each matching event i (ordered by
 *   (occurred_at, id)), of [t_i, t_(i-n+1) + D): the window holds n events from the i-th until the
 *   earliest of those n leaves. `>` n is `>=` n+1; `<`, `<=`, `=` are differences of these, and
 *   also need a whole window in history ([start + D, now]).
 * - `no(E) for D` is "not count(E) >= 1 within D" from start + D.
 * - `A then B within D` holds on [tB, tB + D) for each B with an A at tA < tB, tB - tA <= D.
 * - `lifecycle` holds on the steps of the account's stage over time that pass the test
 *   (lifecycleSql.ts); other account conditions and contact conditions hold over the whole range
 *   or not at all.
 * Every part is computed once for all accounts (window functions partitioned by account, GROUP
 * BY account) and hash-joined to the accounts; matching activities are read per activity type
 * (index on workspace, type, time). CTEs are MATERIALIZED so each is computed once. Evidence reads
 * per-account arrays carried on each account's row, never a join the planner could misjudge into
 * a nested loop over all events (a run's row count is unknowable to it).
 * Evidence: a run's evidence is the evidence at its start p, which depends on p only: every
 * primitive not under a `not` whose whole path of (sub)rules holds at p contributes its evidence at
 * p (count: the events in (p - D, p]; absence: the last event at or before p; sequence: each B in
 * (p - D, p] with the latest A before it).
 *
 * An account's contacts are the contacts whose account_id is the account (what a timeline's
 * `contacts` must be for the evaluator to agree).
 *
 * Every value that comes from a rule (types, property names, values, durations) is a bound
 * parameter; the only raw SQL text is made by this compiler (CTE names and operators).
 *
 * Known differences from the evaluator, on stored values that are rare in practice:
 * - lower-casing is PostgreSQL's `lower()`, which equals JavaScript's `toLowerCase()` on ASCII
 *   and on common accented letters (checked on PGlite and PostgreSQL 15: 'ÄÉ' -> 'äé'), but not
 *   on special cases such as 'İ' (JavaScript adds a combining dot);
 * - a JSON number compared as text uses PostgreSQL's shortest numeric text (`trim_scale`), which
 *   equals JavaScript's `String(n)` except for numbers JavaScript writes with an exponent
 *   (abs >= 1e21 or < 1e-6) or rounds when parsing JSON (more than 15-17 significant digits).
 */
import { sql, type SQL } from 'drizzle-orm';
import { durationMs, type Rule, type RuleExpression } from '$lib/domain/signals/rule';
import { numberStored, passes, RuleCompileError, textStored } from './compileValueTest';
import { arrayPart, atLeast, EMPTY, eventArrays, eventCte, FULL, FULL_ANY, fullWindow, lookup, msToTime, part, type Compiler } from './compilerParts';
import { checkAttributes } from './checkAttributes';
import { accountHistorySql, ACCOUNT_HISTORY_TABLE } from './accountHistory';
import { lifecycleCondition } from './lifecycleSql';

export interface CompileRuleOptions {
	workspaceId: string;
	now: Date;
	/** Only these accounts (e.g. the ones touched by new activities); all of the workspace when absent. */
	accountIds?: string[];
	/**
	 * 'all' (default): evidence of every occurrence, as the evaluator's `evidence`. 'last': only
	 * the latest occurrence's (what detection stores on a hit); cheaper.
	 */
	evidence?: 'all' | 'last';
	/**
	 * Instead of one row per account, one row per occurrence (account_id, started_at, ended_at:
	 * null while it holds), without evidence: every time the rule held in each account's history.
	 */
	occurrences?: boolean;
	/**
	 * Also give, as first_held_since, the first moment at or after this instant the rule held
	 * (null when it did not hold since then); backtests read when a rule first fired in a period.
	 */
	since?: Date;
	/** A table made by createAccountHistory for the same workspace, now and accounts, read instead of finding each account's first activity again. */
	historyTable?: typeof ACCOUNT_HISTORY_TABLE;
}

/** One row per account the rule fires for. */
export interface CompiledRuleRow {
	account_id: string;
	first_fired_at: Date | string;
	holds_now: boolean;
	/** Activity ids, sorted by (occurred_at, id); drivers may return them as strings or bigints. */
	evidence: (number | string | bigint)[];
	/** When the latest occurrence started. */
	last_started_at: Date | string;
	/** The instant the rule last stopped holding; null while it holds now. */
	last_ended_at: Date | string | null;
	/** When the latest evidence activity happened; null without evidence. */
	evidence_at: Date | string | null;
	/** The first moment at or after options.since it held; null without `since` or when it did not. */
	first_held_since: Date | string | null;
}

export { RuleCompileError };

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/**
 * Compiles a node, returns the name of its multirange column. `path` lists the columns of its
 * ancestors; `evident` is false under a `not`.
 */
function node(c: Compiler, expr: RuleExpression, path: string[], evident: boolean): string {
	const name = `n${c.nodes++}`;
	const here = [...path, name];
	const guard = sql.join(
		here.map((col) => sql`${sql.raw(`r.m${col.slice(1)}`)} @> r.p`),
		sql` and `
	);
	let value: SQL;
	switch (expr.kind) {
		case 'and':
		case 'or': {
			const cols = expr.items.map((item) => node(c, item, here, evident));
			value = sql.join(
				cols.map((col) => sql`${sql.raw(col)}.m`),
				expr.kind === 'and' ? sql` * ` : sql` + `
			);
			break;
		}
		case 'not': {
			const col = node(c, expr.item, here, false);
			value = sql`${FULL} - ${sql.raw(col)}.m`;
			break;
		}
		case 'count': {
			const d = durationMs(expr.within);
			const e = eventCte(c, expr.event);
			const n = expr.count;
			if (expr.op === '>=') value = atLeast(c, e, n, d);
			else if (expr.op === '>') value = atLeast(c, e, n + 1, d);
			else if (expr.op === '<') value = sql`(${FULL} - ${atLeast(c, e, n, d)}) * ${fullWindow(d)}`;
			else if (expr.op === '<=') value = sql`(${FULL} - ${atLeast(c, e, n + 1, d)}) * ${fullWindow(d)}`;
			else if (expr.op === '=') value = sql`(${atLeast(c, e, n, d)} - ${atLeast(c, e, n + 1, d)}) * ${fullWindow(d)}`;
			else throw new RuleCompileError(`unsupported count operator ${expr.op as string}`);
			if (evident && c.lookups) {
				const range = sql`x.occurred_at > ${msToTime(sql`r.p - ${d}::bigint`)} and x.occurred_at <= ${msToTime(sql`r.p`)}`;
				c.evidence.push(sql`select r.account_id, y.id, y.ms from runs r cross join lateral (${lookup(c, e, range)}) y where ${guard}`);
			} else if (evident) {
				const col = eventArrays(c, e);
				c.evidence.push(
					sql`select r.account_id, y.id, y.ms from runs r cross join lateral unnest(${col('ids')}, ${col('mss')}) as y(id, ms) where y.ms > r.p - ${d}::bigint and y.ms <= r.p and ${guard}`
				);
			}
			break;
		}
		case 'absence': {
			const d = durationMs(expr.for);
			const e = eventCte(c, expr.event);
			value = sql`(${FULL} - ${atLeast(c, e, 1, d)}) * ${fullWindow(d)}`;
			if (evident && c.lookups) {
				const range = sql`x.occurred_at <= ${msToTime(sql`r.p`)}`;
				const last = lookup(c, e, range, sql` order by x.occurred_at desc, x.id desc limit 1`);
				c.evidence.push(sql`select r.account_id, y.id, y.ms from runs r cross join lateral (${last}) y where ${guard}`);
			} else if (evident) {
				// The event before the gap: the last one, by (occurred_at, id), at or before p.
				const col = eventArrays(c, e);
				c.evidence.push(
					sql`select r.account_id, y.id, y.ms from runs r cross join lateral (select z.id, z.ms from unnest(${col('ids')}, ${col('mss')}) with ordinality as z(id, ms, k) where z.ms <= r.p order by z.k desc limit 1) y where ${guard}`
				);
			}
			break;
		}
		case 'sequence': {
			const d = durationMs(expr.within);
			const aName = eventCte(c, expr.first);
			const bName = eventCte(c, expr.then);
			const a = sql.raw(aName);
			const b = sql.raw(bName);
			// Each B with the latest A before it, when that A is at most d before (the latest A
			// before B is the closest, so no other A can be within d when it is not). One pass over
			// both, ordered by time with B before A at equal times (an A at B's time is not before
			// it): the latest A so far is the running max of [ms, id] over the A rows.
			const pairs = `q${c.events.length}`;
			c.events.push(
				sql`${sql.raw(pairs)} as materialized (select s.account_id, s.id as b_id, s.ms as b_ms, s.latest_a[2] as a_id, s.latest_a[1] as a_ms from (select u.*, max(case when u.is_a then array[u.ms, u.id] end) over (partition by u.account_id order by u.ms, u.is_a, u.id rows between unbounded preceding and current row) as latest_a from (select ya.account_id, ya.id, ya.ms, true as is_a from ${a} ya union all select yb.account_id, yb.id, yb.ms, false from ${b} yb) u) s where not s.is_a and s.latest_a is not null and s.ms - s.latest_a[1] <= ${d}::bigint)`
			);
			const q = sql.raw(pairs);
			const m = part(
				c,
				sql`select q.account_id, range_agg(int8range(q.b_ms, q.b_ms + ${d}::bigint)) as m from ${q} q group by q.account_id`
			);
			value = sql`(${m} * ${FULL})`;
			if (evident && c.lookups) {
				// Each B in (p - d, p] with the latest A strictly before it, when at most d before.
				const bRange = sql`x.occurred_at > ${msToTime(sql`r.p - ${d}::bigint`)} and x.occurred_at <= ${msToTime(sql`r.p`)}`;
				const aRange = sql`x.occurred_at < ${msToTime(sql`yb.ms`)}`;
				const latestA = lookup(c, aName, aRange, sql` order by x.occurred_at desc, x.id desc limit 1`);
				c.evidence.push(
					sql`select r.account_id, y.id, y.ms from runs r cross join lateral (${lookup(c, bName, bRange)}) yb cross join lateral (${latestA}) ya cross join lateral (values (ya.id, ya.ms), (yb.id, yb.ms)) as y(id, ms) where yb.ms - ya.ms <= ${d}::bigint and ${guard}`
				);
			} else if (evident) {
				const col = arrayPart(
					c,
					sql`select q.account_id, array_agg(q.a_id) as a_ids, array_agg(q.a_ms) as a_mss, array_agg(q.b_id) as b_ids, array_agg(q.b_ms) as b_mss from ${q} q group by q.account_id`,
					['a_ids', 'a_mss', 'b_ids', 'b_mss']
				);
				c.evidence.push(
					sql`select r.account_id, y.id, y.ms from runs r cross join lateral unnest(${col('a_ids')}, ${col('a_mss')}, ${col('b_ids')}, ${col('b_mss')}) as q(a_id, a_ms, b_id, b_ms) cross join lateral (values (q.a_id, q.a_ms), (q.b_id, q.b_ms)) as y(id, ms) where q.b_ms > r.p - ${d}::bigint and q.b_ms <= r.p and ${guard}`
				);
			}
			break;
		}
		case 'account': {
			if (expr.attribute === 'lifecycle') {
				value = lifecycleCondition(c, expr.test);
				break;
			}
			const column = sql.raw(`h.${expr.attribute}`);
			const stored = expr.attribute === 'arr' ? numberStored(column) : textStored(column);
			value = sql`(case when ${passes(expr.test, stored)} then ${FULL} else ${EMPTY} end)`;
			break;
		}
		case 'contact': {
			const column = sql.raw(`ct.${expr.attribute}`);
			const m = part(
				c,
				sql`select ct.account_id, ${FULL_ANY} as m from contacts ct where ${passes(expr.test, textStored(column))} group by ct.account_id`
			);
			value = sql`(${m} * ${FULL})`;
			break;
		}
		default:
			throw new RuleCompileError(`unsupported rule node ${(expr as { kind: string }).kind}`);
	}
	c.laterals.push(sql`cross join lateral (select ${value} as m) ${sql.raw(name)}`);
	return name;
}

/**
 * The query evaluating `rule` for the workspace's accounts as of `now`. Rows:
 * { account_id, first_fired_at, holds_now, evidence: bigint[] } for each account it fires for.
 */
export function compileRule(rule: Rule, options: CompileRuleOptions): SQL {
	checkAttributes(rule);
	const nowMs = options.now.getTime();
	if (!Number.isFinite(nowMs)) throw new RuleCompileError('now is not a valid date');
	const ws = options.workspaceId;
	const ids = options.accountIds;
	const nowAt = sql`${options.now.toISOString()}::timestamptz`;
	const accountScope = sql`x.workspace_id = ${ws}::uuid${ids === undefined ? sql`` : sql` and x.account_id in (select id from accts)`}`;
	const scope = sql`${accountScope} and x.occurred_at <= ${nowAt}`;
	const c: Compiler = {
		scope,
		accountScope,
		events: [],
		parts: [],
		arrays: [],
		nodes: 0,
		laterals: [],
		evidence: [],
		patterns: new Map(),
		lookups: options.evidence === 'last' || !!options.occurrences,
		workspace: sql`${ws}::uuid`,
		nowAt
	};
	const root = node(c, rule, [], true);
	const sinceMs = options.since?.getTime();
	if (sinceMs !== undefined && !Number.isFinite(sinceMs)) throw new RuleCompileError('since is not a valid date');
	const since =
		sinceMs === undefined
			? sql`null::timestamptz as first_held_since`
			: sql`timestamptz 'epoch' + lower(held.m * int8multirange(int8range(${sinceMs}::bigint, null))) * interval '1 millisecond' as first_held_since`;
	// One array parameter, however many accounts (a parameter list would hit the protocol's limit).
	for (const id of ids ?? []) {
		if (!UUID.test(id)) throw new RuleCompileError(`account id is not a UUID: ${id}`);
	}
	const history = options.historyTable === undefined ? accountHistorySql(ws, options.now, ids) : sql`select * from pg_temp.${sql.raw(options.historyTable)}`;
	const evidence =
		c.evidence.length > 0
			? sql.join(
					c.evidence.map((q) => sql`(${q})`),
					sql` union `
				)
			: sql`select null::uuid as account_id, null::bigint as id, null::bigint as ms where false`;
	const held = sql`with hist as materialized (
  select h.*, ${nowMs}::bigint + 1 as end_ms from (${history}) h
), accts as (
  select h.account_id as id from hist h
), contacts as (
  select c.account_id, c.lifecycle::text as lifecycle, c.title
  from contact c where c.workspace_id = ${ws}::uuid and c.account_id in (select id from accts)
)${c.events.length > 0 ? sql`, ${sql.join(c.events, sql`, `)}` : sql``}, held as materialized (
  select h.account_id, h.end_ms, ${sql.join(
		[
			...Array.from({ length: c.nodes }, (_, i) => sql.raw(`n${i}.m as m${i}`)),
			...c.arrays.flatMap(({ name, columns }) => columns.map((col) => sql.raw(`${name}.${col} as ${name}_${col}`)))
		],
		sql`, `
	)}, ${sql.raw(root)}.m * ${FULL} as m
  from hist h ${sql.join(
		[...c.parts, ...c.arrays.map((a) => a.name)].map((p) => sql.raw(`left join ${p} on ${p}.account_id = h.account_id`)),
		sql` `
	)} ${sql.join(c.laterals, sql` `)}
)`;
	if (options.occurrences) {
		// Every run of the rule in the account's history, one row each, oldest first per account.
		return sql`${held}
 select held.account_id,
  timestamptz 'epoch' + lower(rng) * interval '1 millisecond' as started_at,
  case when upper(rng) = held.end_ms then null else timestamptz 'epoch' + upper(rng) * interval '1 millisecond' end as ended_at
from held cross join unnest(held.m) as rng
order by held.account_id, lower(rng)`;
	}
	return sql`${held}, runs as materialized (
  select held.*, u.p from held cross join lateral (${
		options.evidence === 'last'
			? sql`select max(lower(rng)) as p from unnest(held.m) as rng`
			: sql`select lower(rng) as p from unnest(held.m) as rng`
	}) u where u.p is not null
), evidence as (${evidence}), evidence_ids as (
  select e.account_id, array_agg(e.id order by e.ms, e.id) as ids, max(e.ms) as max_ms
  from (select distinct ev.account_id, ev.id, ev.ms from evidence ev) e group by e.account_id
)
select held.account_id,
  timestamptz 'epoch' + lower(held.m) * interval '1 millisecond' as first_fired_at,
  upper(held.m) = held.end_ms as holds_now,
  coalesce(evidence_ids.ids, '{}')::bigint[] as evidence,
  timestamptz 'epoch' + (select max(lower(rng)) from unnest(held.m) as rng) * interval '1 millisecond' as last_started_at,
  case when upper(held.m) = held.end_ms then null else timestamptz 'epoch' + upper(held.m) * interval '1 millisecond' end as last_ended_at,
  timestamptz 'epoch' + evidence_ids.max_ms * interval '1 millisecond' as evidence_at,
  ${since}
from held left join evidence_ids on evidence_ids.account_id = held.account_id
where not isempty(held.m)
order by held.account_id`;
}
