/**
 * The statements that write planned hit changes of every signal, at most four whatever the
 * number of accounts: rows travel as one JSON parameter and are unpacked with json_to_recordset.
 * New hits get their ids here, so the follow-ups that point at them (alerts, tasks, webhook
 * events) can be written in the same pipeline instead of waiting for the insert's answer.
 */
import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { HitChanges, HitInsert } from '$lib/domain/signals/planHitChanges';

export interface OpenedHit {
	id: string;
	signalKey: string;
	accountId: string;
	firstFiredAt: Date;
	evidence: number[];
}

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

/** The hits `planned` opens, with their new ids. */
export function nameOpenedHits(planned: { signalKey: string; changes: HitChanges }[]): (OpenedHit & { hit: HitInsert })[] {
	return planned.flatMap((p) =>
		p.changes.opened.map((hit) => ({ id: randomUUID(), signalKey: p.signalKey, accountId: hit.accountId, firstFiredAt: hit.firstFiredAt, evidence: hit.evidence, hit }))
	);
}

function insertHits(workspaceId: string, revision: number, rows: { id?: string; signalKey: string; hit: HitInsert; taskId?: string | null }[]): SQL {
	const json = JSON.stringify(
		rows.map(({ id, signalKey, hit, taskId }) => ({
			id: id ?? randomUUID(),
			signal_key: signalKey,
			account_id: hit.accountId,
			first_fired_at: iso(hit.firstFiredAt),
			last_fired_at: iso(hit.lastFiredAt),
			closed_at: iso(hit.closedAt),
			evidence: hit.evidence,
			evidence_at: iso(hit.evidenceAt),
			task_id: taskId ?? null
		}))
	);
	// No "on conflict": detection holds the workspace's write lock and read the open hits after
	// taking it, so a second open hit for a signal and account is a bug, and the unique index
	// (signal_hit_open_idx) rolls the whole detection back rather than leave follow-ups dangling.
	return sql`insert into signal_hit (id, workspace_id, signal_key, account_id, first_fired_at, last_fired_at, closed_at, evidence, evidence_at, revision, task_id)
		select r.id, ${workspaceId}::uuid, r.signal_key, r.account_id, r.first_fired_at, r.last_fired_at, r.closed_at,
			array(select jsonb_array_elements_text(r.evidence)::bigint), r.evidence_at, ${revision}::int, r.task_id
		from json_to_recordset(${json}::json) as r(id uuid, signal_key text, account_id uuid, first_fired_at timestamptz, last_fired_at timestamptz, closed_at timestamptz, evidence jsonb, evidence_at timestamptz, task_id uuid)`;
}

/**
 * The statements for every signal's changes, in the order they must run: closes, refreshes,
 * past occurrences, then the opened hits (`taskOf` gives the follow-up task a hit points at,
 * which must be inserted before).
 */
export function writeHitStatements(
	workspaceId: string,
	revision: number,
	now: Date,
	planned: { signalKey: string; changes: HitChanges }[],
	opened: (OpenedHit & { hit: HitInsert })[],
	taskOf: Map<string, string>
): SQL[] {
	const statements: SQL[] = [];
	const closed = planned.flatMap((p) => p.changes.closed);
	if (closed.length > 0) {
		const json = JSON.stringify(closed.map((c) => ({ id: c.id, closed_at: iso(c.closedAt) })));
		statements.push(sql`update signal_hit h set closed_at = r.closed_at, last_fired_at = greatest(h.first_fired_at, r.closed_at)
			from json_to_recordset(${json}::json) as r(id uuid, closed_at timestamptz)
			where h.id = r.id and h.workspace_id = ${workspaceId}::uuid and h.closed_at is null`);
	}
	const refreshed = planned.flatMap((p) => p.changes.refreshed);
	if (refreshed.length > 0) {
		const json = JSON.stringify(refreshed.map((c) => ({ id: c.id, evidence: c.evidence, evidence_at: iso(c.evidenceAt) })));
		statements.push(sql`update signal_hit h set last_fired_at = ${now.toISOString()}::timestamptz, revision = ${revision}::int,
				evidence = array(select jsonb_array_elements_text(r.evidence)::bigint), evidence_at = r.evidence_at
			from json_to_recordset(${json}::json) as r(id uuid, evidence jsonb, evidence_at timestamptz)
			where h.id = r.id and h.workspace_id = ${workspaceId}::uuid and h.closed_at is null`);
	}
	const past = planned.flatMap((p) => p.changes.past.map((hit) => ({ signalKey: p.signalKey, hit })));
	if (past.length > 0) statements.push(insertHits(workspaceId, revision, past));
	if (opened.length > 0) statements.push(insertHits(workspaceId, revision, opened.map((o) => ({ ...o, taskId: taskOf.get(o.id) ?? null }))));
	return statements;
}
