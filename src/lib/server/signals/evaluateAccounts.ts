/**
 * The rule results of a few accounts, evaluated in memory with the same evaluator a session uses
 * (evaluateRule, proven equal to the compiled SQL by compileRule.db.test.ts). For incremental
 * detection this is one indexed read per account instead of one query per signal.
 */
import { sql } from 'drizzle-orm';
import type { SqlRunner } from '../db/pipeline';
import { queryRows } from '../db/rows';
import { evaluateRule, type RuleTimeline } from '$lib/domain/signals/evaluateRule';
import { listRuleEventTypes } from '$lib/domain/signals/ruleEventTypes';
import { LIFECYCLE_EVENTS } from '$lib/domain/signals/lifecycleOverTime';
import type { RuleResult } from '$lib/domain/signals/planHitChanges';
import type { DetectionSignal } from './detectionSignals';

interface ActivityRow {
	id: number | string;
	account_id: string;
	type: string;
	occurred_at: Date | string;
	contact_id: string | null;
	department: string | null;
	properties: Record<string, unknown>;
}

/**
 * The timelines rules read for some accounts, in three queries whatever their number: the
 * accounts' attributes, their contacts, and their activities of `types` plus each one's first
 * activity (where its history starts: absence rules count from there). Activities after `now`
 * (when given) are left out, except purchases and churns, which say what lifecycle stage the
 * account was in before them (the evaluator reads nothing else after `now`). Accounts of another workspace are absent from the map.
 */
export async function loadRuleTimelines(db: SqlRunner, workspaceId: string, accountIds: string[], types: string[], now?: Date): Promise<Map<string, RuleTimeline>> {
	const timelines = new Map<string, RuleTimeline>();
	if (accountIds.length === 0) return timelines;
	const ids = `{${accountIds.join(',')}}`;
	const later = sql`x.type = any(${`{${Object.keys(LIFECYCLE_EVENTS).join(',')}}`}::activity_type[])`;
	const upTo = now === undefined ? sql`` : sql` and (x.occurred_at <= ${now.toISOString()}::timestamptz or ${later})`;
	const upToFirst = now === undefined ? sql`` : sql` and y.occurred_at <= ${now.toISOString()}::timestamptz`;
	const [accounts, contacts, activities] = await Promise.all([
		queryRows<{ id: string; lifecycle: string; plan: string | null; arr: number; industry: string | null; size: string | null }>(
			db,
			sql`select id, lifecycle::text as lifecycle, plan, arr, industry, size from account where workspace_id = ${workspaceId}::uuid and id = any(${ids}::uuid[])`
		),
		queryRows<{ id: string; account_id: string; lifecycle: string; title: string | null }>(
			db,
			sql`select id, account_id, lifecycle::text as lifecycle, title from contact where workspace_id = ${workspaceId}::uuid and account_id = any(${ids}::uuid[])`
		),
		queryRows<ActivityRow>(
			db,
			sql`select x.id, x.account_id, x.type::text as type, x.occurred_at, x.contact_id, x.department::text as department, x.properties
				from activity x where x.workspace_id = ${workspaceId}::uuid and x.account_id = any(${ids}::uuid[])
				  and x.type = any(${`{${types.join(',')}}`}::activity_type[])${upTo}
				union all
				select f.id, f.account_id, f.type::text, f.occurred_at, f.contact_id, f.department::text, f.properties
				from unnest(${ids}::uuid[]) as a(id) cross join lateral (
				  select * from activity y where y.workspace_id = ${workspaceId}::uuid and y.account_id = a.id${upToFirst}
				  -- "nulls first" (the columns are never null) is the timeline index read backwards: one row, no sort
				  order by y.occurred_at asc nulls first, y.id asc nulls first limit 1) f`
		)
	]);
	for (const a of accounts) {
		timelines.set(a.id, { account: { lifecycle: a.lifecycle, plan: a.plan, arr: Number(a.arr), industry: a.industry, size: a.size }, contacts: [], activities: [] });
	}
	for (const c of contacts) timelines.get(c.account_id)?.contacts.push({ id: c.id, lifecycle: c.lifecycle, title: c.title });
	// The first activity is usually among the others too (union all leaves that to this loop).
	const seen = new Set<number>();
	for (const row of activities) {
		const id = Number(row.id);
		if (seen.has(id)) continue;
		seen.add(id);
		timelines.get(row.account_id)?.activities.push({
			id,
			type: row.type,
			occurredAt: row.occurred_at instanceof Date ? row.occurred_at : new Date(row.occurred_at),
			contactId: row.contact_id,
			department: row.department,
			properties: row.properties ?? {}
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
	const at = new Map<number, number>();
	for (const timeline of timelines.values()) for (const a of timeline.activities) at.set(a.id, (a.occurredAt as Date).getTime());
	const results = new Map<string, RuleResult[]>();
	for (const signal of signals) {
		const rows: RuleResult[] = [];
		for (const [accountId, timeline] of timelines) {
			const evaluation = evaluateRule(signal.rule, timeline, now);
			if (!evaluation.fires) continue;
			const last = evaluation.occurrences[evaluation.occurrences.length - 1];
			const times = last.evidence.map((id) => at.get(id) ?? 0);
			rows.push({
				accountId,
				holdsNow: evaluation.holdsNow,
				lastStartedAt: last.from,
				lastEndedAt: last.to,
				evidence: last.evidence,
				evidenceAt: times.length > 0 ? new Date(Math.max(...times)) : null
			});
		}
		results.set(signal.key, rows);
	}
	return results;
}
