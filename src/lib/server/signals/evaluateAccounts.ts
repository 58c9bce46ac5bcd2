/**
 * The rule results of a few accounts, evaluated in memory with the same evaluator a session uses
 * (evaluateRule, proven equal to the compiled SQL by compileRule.db.test.ts). For incremental
 * detection this is one indexed read per account instead of one query per signal.
 */
import { sql } from 'drizzle-orm';
import type { SqlRunner } from '../db/pipeline';
import { queryRows } from '../db/rows';
import { evaluateRules, type RuleTimeline } from '$lib/domain/signals/evaluateRule';
import { listRuleEventTypes } from '$lib/domain/signals/ruleEventTypes';
import { LIFECYCLE_EVENTS } from '$lib/domain/signals/lifecycleOverTime';
import type { RuleResult } from '$lib/domain/signals/planHitChanges';
import type { DetectionSignal } from './detectionSignals';

/** An activity as the timeline read sends it: [id, type, occurred at (ms since the epoch), contact id, department, properties]. */
type ActivityTuple = [number, string, number, string | null, string | null, Record<string, unknown> | null];

interface TimelineRow {
	id: string;
	lifecycle: string;
	plan: string | null;
	arr: number | string;
	industry: string | null;
	size: string | null;
	contacts: [string, string, string | null][] | null;
	activities: ActivityTuple[] | null;
}

/**
 * The timelines rules read for some accounts, in one query whatever their number: per account, its
 * attributes, its contacts, and its activities of `types` plus its first activity (where its
 * history starts: absence rules count from there). Activities after `now` (when given) are left
 * out, except purchases and churns, which say what lifecycle stage the account was in before them
 * (the evaluator reads nothing else after `now`). Accounts of another workspace are absent from the map.
 * Contacts and activities come as one JSON array each per account: a detection reads a few rows,
 * not one per activity, which is most of what reading a timeline costs the app.
 */
export async function loadRuleTimelines(db: SqlRunner, workspaceId: string, accountIds: string[], types: string[], now?: Date): Promise<Map<string, RuleTimeline>> {
	const timelines = new Map<string, RuleTimeline>();
	if (accountIds.length === 0) return timelines;
	const ids = `{${accountIds.join(',')}}`;
	const later = sql`x.type = any(${`{${Object.keys(LIFECYCLE_EVENTS).join(',')}}`}::activity_type[])`;
	const upTo = now === undefined ? sql`` : sql` and (x.occurred_at <= ${now.toISOString()}::timestamptz or ${later})`;
	const upToFirst = now === undefined ? sql`` : sql` and y.occurred_at <= ${now.toISOString()}::timestamptz`;
	// Milliseconds, rounded down as a JavaScript Date would read the timestamp.
	const ms = (column: string) => sql.raw(`floor(extract(epoch from ${column}) * 1000)`);
	const rows = await queryRows<TimelineRow>(
		db,
		sql`select a.id, a.lifecycle::text as lifecycle, a.plan, a.arr, a.industry, a.size,
			(select json_agg(json_build_array(c.id, c.lifecycle::text, c.title))
			 from contact c where c.workspace_id = ${workspaceId}::uuid and c.account_id = a.id) as contacts,
			(select json_agg(json_build_array(t.id, t.type, t.at, t.contact_id, t.department, t.properties)) from (
				select x.id, x.type::text as type, ${ms('x.occurred_at')} as at, x.contact_id, x.department::text as department, x.properties
				from activity x where x.workspace_id = ${workspaceId}::uuid and x.account_id = a.id
				  and x.type = any(${`{${types.join(',')}}`}::activity_type[])${upTo}
				union all
				(select y.id, y.type::text, ${ms('y.occurred_at')}, y.contact_id, y.department::text, y.properties
				 from activity y where y.workspace_id = ${workspaceId}::uuid and y.account_id = a.id${upToFirst}
				 -- "nulls first" (the columns are never null) is the timeline index read backwards: one row, no sort
				 order by y.occurred_at asc nulls first, y.id asc nulls first limit 1)) t) as activities
			from account a where a.workspace_id = ${workspaceId}::uuid and a.id = any(${ids}::uuid[])`
	);
	for (const row of rows) {
		const activities: RuleTimeline['activities'] = [];
		// The first activity is usually among the others too (union all leaves that to this loop).
		const seen = new Set<number>();
		for (const [id, type, at, contactId, department, properties] of row.activities ?? []) {
			if (seen.has(id)) continue;
			seen.add(id);
			activities.push({ id, type, occurredAt: new Date(at), contactId, department, properties: properties ?? {} });
		}
		timelines.set(row.id, {
			account: { lifecycle: row.lifecycle, plan: row.plan, arr: Number(row.arr), industry: row.industry, size: row.size },
			contacts: (row.contacts ?? []).map(([id, lifecycle, title]) => ({ id, lifecycle, title })),
			activities
		});
	}
	return timelines;
}

/** Per signal key, the results for the accounts it fired for (as the compiled rule's 'last' mode gives). */
export async function evaluateAccounts(
	db: SqlRunner,
	workspaceId: string,
	accountIds: string[],
	signals: DetectionSignal[],
	now: Date
): Promise<Map<string, RuleResult[]>> {
	const types = [...new Set(signals.flatMap((s) => [...listRuleEventTypes(s.rule)]))];
	const timelines = await loadRuleTimelines(db, workspaceId, accountIds, types, now);
	const rules = signals.map((s) => s.rule);
	const results = new Map<string, RuleResult[]>(signals.map((s) => [s.key, []]));
	for (const [accountId, timeline] of timelines) {
		evaluateRules(rules, timeline, now).forEach((evaluation, i) => {
			if (!evaluation.fires) return;
			const last = evaluation.occurrences[evaluation.occurrences.length - 1];
			results.get(signals[i].key)!.push({
				accountId,
				holdsNow: evaluation.holdsNow,
				lastStartedAt: last.from,
				lastEndedAt: last.to,
				evidence: last.evidence,
				evidenceAt: timeOf(timeline, last.evidence.at(-1))
			});
		});
	}
	return results;
}

/** When an activity happened: evidence is sorted by time, so its last id is the latest. */
function timeOf(timeline: RuleTimeline, id: number | undefined): Date | null {
	if (id === undefined) return null;
	return (timeline.activities.find((a) => a.id === id)?.occurredAt as Date | undefined) ?? null;
}
