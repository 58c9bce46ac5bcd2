/**
 * Writes planned hit changes of every signal in at most four statements, whatever the number of
 * accounts: rows travel as one JSON parameter and are unpacked with json_to_recordset.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index';
import { queryRows } from '../db/rows';
import type { HitChanges, HitInsert } from '$lib/domain/signals/planHitChanges';

export interface OpenedHit {
	id: string;
	signalKey: string;
	accountId: string;
	firstFiredAt: Date;
	evidence: number[];
}

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

async function insertHits(db: Database, workspaceId: string, revision: number, rows: { signalKey: string; hit: HitInsert }[]) {
	if (rows.length === 0) return [];
	const json = JSON.stringify(
		rows.map(({ signalKey, hit }) => ({
			signal_key: signalKey,
			account_id: hit.accountId,
			first_fired_at: iso(hit.firstFiredAt),
			last_fired_at: iso(hit.lastFiredAt),
			closed_at: iso(hit.closedAt),
			evidence: hit.evidence,
			evidence_at: iso(hit.evidenceAt)
		}))
	);
	return queryRows<{ id: string; signal_key: string; account_id: string }>(
		db,
		sql`insert into signal_hit (workspace_id, signal_key, account_id, first_fired_at, last_fired_at, closed_at, evidence, evidence_at, revision)
			select ${workspaceId}::uuid, r.signal_key, r.account_id, r.first_fired_at, r.last_fired_at, r.closed_at,
				array(select jsonb_array_elements_text(r.evidence)::bigint), r.evidence_at, ${revision}::int
			from json_to_recordset(${json}::json) as r(signal_key text, account_id uuid, first_fired_at timestamptz, last_fired_at timestamptz, closed_at timestamptz, evidence jsonb, evidence_at timestamptz)
			on conflict (workspace_id, signal_key, account_id) where closed_at is null do nothing
			returning id, signal_key, account_id`
	);
}

/** Applies every signal's changes; returns the hits it opened (those that alert and create tasks). */
export async function writeHitChanges(
	db: Database,
	workspaceId: string,
	revision: number,
	now: Date,
	planned: { signalKey: string; changes: HitChanges }[]
): Promise<OpenedHit[]> {
	const closed = planned.flatMap((p) => p.changes.closed);
	if (closed.length > 0) {
		const json = JSON.stringify(closed.map((c) => ({ id: c.id, closed_at: iso(c.closedAt) })));
		await db.execute(sql`update signal_hit h set closed_at = r.closed_at, last_fired_at = greatest(h.first_fired_at, least(h.last_fired_at, r.closed_at))
			from json_to_recordset(${json}::json) as r(id uuid, closed_at timestamptz)
			where h.id = r.id and h.workspace_id = ${workspaceId}::uuid and h.closed_at is null`);
	}
	const refreshed = planned.flatMap((p) => p.changes.refreshed);
	if (refreshed.length > 0) {
		const json = JSON.stringify(refreshed.map((c) => ({ id: c.id, evidence: c.evidence, evidence_at: iso(c.evidenceAt) })));
		await db.execute(sql`update signal_hit h set last_fired_at = ${now.toISOString()}::timestamptz, revision = ${revision}::int,
				evidence = array(select jsonb_array_elements_text(r.evidence)::bigint), evidence_at = r.evidence_at
			from json_to_recordset(${json}::json) as r(id uuid, evidence jsonb, evidence_at timestamptz)
			where h.id = r.id and h.workspace_id = ${workspaceId}::uuid and h.closed_at is null`);
	}
	await insertHits(db, workspaceId, revision, planned.flatMap((p) => p.changes.past.map((hit) => ({ signalKey: p.signalKey, hit }))));
	const opened = planned.flatMap((p) => p.changes.opened.map((hit) => ({ signalKey: p.signalKey, hit })));
	const inserted = await insertHits(db, workspaceId, revision, opened);
	const byKey = new Map(opened.map((o) => [`${o.signalKey}/${o.hit.accountId}`, o.hit]));
	return inserted.map((row) => {
		const hit = byKey.get(`${row.signal_key}/${row.account_id}`)!;
		return { id: row.id, signalKey: row.signal_key, accountId: row.account_id, firstFiredAt: hit.firstFiredAt, evidence: hit.evidence };
	});
}
