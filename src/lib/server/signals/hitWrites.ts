/**
 * Writes one signal's planned hit changes in a few statements, whatever the number of accounts:
 * rows travel as one JSON parameter and are unpacked with jsonb_to_recordset.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index';
import { queryRows } from '../db/rows';
import type { HitChanges, HitInsert } from '$lib/domain/signals/planHitChanges';

export interface OpenedHit {
	id: string;
	accountId: string;
	firstFiredAt: Date;
	evidence: number[];
}

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

async function insertHits(db: Database, workspaceId: string, signalKey: string, revision: number, rows: HitInsert[]) {
	if (rows.length === 0) return [];
	const json = JSON.stringify(
		rows.map((r) => ({
			account_id: r.accountId,
			first_fired_at: iso(r.firstFiredAt),
			last_fired_at: iso(r.lastFiredAt),
			closed_at: iso(r.closedAt),
			evidence: r.evidence,
			evidence_at: iso(r.evidenceAt)
		}))
	);
	return queryRows<{ id: string; account_id: string }>(
		db,
		sql`insert into signal_hit (workspace_id, signal_key, account_id, first_fired_at, last_fired_at, closed_at, evidence, evidence_at, revision)
			select ${workspaceId}::uuid, ${signalKey}::text, r.account_id, r.first_fired_at, r.last_fired_at, r.closed_at,
				array(select jsonb_array_elements_text(r.evidence)::bigint), r.evidence_at, ${revision}::int
			from jsonb_to_recordset(${json}::jsonb) as r(account_id uuid, first_fired_at timestamptz, last_fired_at timestamptz, closed_at timestamptz, evidence jsonb, evidence_at timestamptz)
			on conflict (workspace_id, signal_key, account_id) where closed_at is null do nothing
			returning id, account_id`
	);
}

/** Applies the changes; returns the hits it opened (those that alert and create tasks). */
export async function writeHitChanges(
	db: Database,
	workspaceId: string,
	signalKey: string,
	revision: number,
	now: Date,
	changes: HitChanges
): Promise<OpenedHit[]> {
	if (changes.closed.length > 0) {
		const json = JSON.stringify(changes.closed.map((c) => ({ id: c.id, closed_at: iso(c.closedAt) })));
		await db.execute(sql`update signal_hit h set closed_at = r.closed_at, last_fired_at = greatest(h.first_fired_at, least(h.last_fired_at, r.closed_at))
			from jsonb_to_recordset(${json}::jsonb) as r(id uuid, closed_at timestamptz)
			where h.id = r.id and h.workspace_id = ${workspaceId}::uuid and h.closed_at is null`);
	}
	if (changes.refreshed.length > 0) {
		const json = JSON.stringify(changes.refreshed.map((c) => ({ id: c.id, evidence: c.evidence, evidence_at: iso(c.evidenceAt) })));
		await db.execute(sql`update signal_hit h set last_fired_at = ${now.toISOString()}::timestamptz, revision = ${revision}::int,
				evidence = array(select jsonb_array_elements_text(r.evidence)::bigint), evidence_at = r.evidence_at
			from jsonb_to_recordset(${json}::jsonb) as r(id uuid, evidence jsonb, evidence_at timestamptz)
			where h.id = r.id and h.workspace_id = ${workspaceId}::uuid and h.closed_at is null`);
	}
	await insertHits(db, workspaceId, signalKey, revision, changes.past);
	const inserted = await insertHits(db, workspaceId, signalKey, revision, changes.opened);
	const byAccount = new Map(changes.opened.map((o) => [o.accountId, o]));
	return inserted.map((row) => {
		const planned = byAccount.get(row.account_id)!;
		return { id: row.id, accountId: row.account_id, firstFiredAt: planned.firstFiredAt, evidence: planned.evidence };
	});
}
