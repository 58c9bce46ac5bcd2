/**
 * What detection needs to know of the hits already stored, in one query: each signal's open hit
 * per account (at most one, by the partial unique index) with its evidence and revision (so an
 * unchanged hit is not rewritten), and the start of its newest hit, open or closed (so an
 * occurrence already recorded is not recorded again).
 */
import { sql } from 'drizzle-orm';
import type { SqlRunner } from '../db/pipeline';
import { queryRows } from '../db/rows';
import type { StoredHit } from '$lib/domain/signals/planHitChanges';

export interface OpenHit extends StoredHit {
	signalKey: string;
}

export interface StoredHits {
	open: OpenHit[];
	/** Per signal key, per account id: the newest hit's start. */
	latest: Map<string, Map<string, Date>>;
}

const toDate = (value: Date | string) => (value instanceof Date ? value : new Date(value));

/** The workspace's stored hits, or only those of `accountIds` (UUIDs, checked by the caller). */
export async function loadStoredHits(db: SqlRunner, workspaceId: string, accountIds?: string[]): Promise<StoredHits> {
	// At most one hit per signal and account is open, so each "filter (where closed_at is null)" aggregate is that hit's value.
	const rows = await queryRows<{
		signal_key: string;
		account_id: string;
		latest_start: Date | string;
		open_id: string | null;
		open_start: Date | string | null;
		open_evidence: (number | string | bigint)[] | null;
		open_evidence_at: Date | string | null;
		open_revision: number | null;
	}>(
		db,
		sql`select signal_key, account_id, max(first_fired_at) as latest_start,
				(array_agg(id) filter (where closed_at is null))[1] as open_id,
				max(first_fired_at) filter (where closed_at is null) as open_start,
				max(evidence) filter (where closed_at is null) as open_evidence,
				max(evidence_at) filter (where closed_at is null) as open_evidence_at,
				max(revision) filter (where closed_at is null) as open_revision
			from signal_hit
			where workspace_id = ${workspaceId}::uuid${accountIds === undefined ? sql`` : sql` and account_id = any(${`{${accountIds.join(',')}}`}::uuid[])`}
			group by signal_key, account_id`
	);
	const open: OpenHit[] = [];
	const latest = new Map<string, Map<string, Date>>();
	for (const row of rows) {
		if (!latest.has(row.signal_key)) latest.set(row.signal_key, new Map());
		latest.get(row.signal_key)!.set(row.account_id, toDate(row.latest_start));
		if (row.open_id !== null && row.open_start !== null) {
			open.push({
				id: row.open_id,
				signalKey: row.signal_key,
				accountId: row.account_id,
				firstFiredAt: toDate(row.open_start),
				evidence: (row.open_evidence ?? []).map(Number),
				evidenceAt: row.open_evidence_at === null ? null : toDate(row.open_evidence_at),
				revision: Number(row.open_revision)
			});
		}
	}
	return { open, latest };
}
