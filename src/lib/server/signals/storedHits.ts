/**
 * What detection needs to know of the hits already stored, in one query: each signal's open hit
 * per account (at most one, by the partial unique index) and the start of its newest hit, open or
 * closed (so an occurrence already recorded is not recorded again).
 */
import { sql } from 'drizzle-orm';
import type { SqlRunner } from '../db/pipeline';
import { queryRows } from '../db/rows';

export interface OpenHit {
	id: string;
	signalKey: string;
	accountId: string;
	firstFiredAt: Date;
}

export interface StoredHits {
	open: OpenHit[];
	/** Per signal key, per account id: the newest hit's start. */
	latest: Map<string, Map<string, Date>>;
}

const toDate = (value: Date | string) => (value instanceof Date ? value : new Date(value));

/** The workspace's stored hits, or only those of `accountIds` (UUIDs, checked by the caller). */
export async function loadStoredHits(db: SqlRunner, workspaceId: string, accountIds?: string[]): Promise<StoredHits> {
	const rows = await queryRows<{ signal_key: string; account_id: string; latest_start: Date | string; open_id: string | null; open_start: Date | string | null }>(
		db,
		sql`select signal_key, account_id, max(first_fired_at) as latest_start,
				(array_agg(id) filter (where closed_at is null))[1] as open_id,
				max(first_fired_at) filter (where closed_at is null) as open_start
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
			open.push({ id: row.open_id, signalKey: row.signal_key, accountId: row.account_id, firstFiredAt: toDate(row.open_start) });
		}
	}
	return { open, latest };
}
