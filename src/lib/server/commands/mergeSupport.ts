import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/index';
import { queryRows } from '../db/rows';

/** A merge the store refuses: `status` is the HTTP status a form or the API answers with. */
export class MergeError extends Error {
	constructor(
		readonly code: 'not_found' | 'same_record' | 'live_session',
		message: string,
		readonly status: 400 | 404 | 409 = code === 'not_found' ? 404 : code === 'live_session' ? 409 : 400
	) {
		super(message);
	}
}

export interface MergeActor {
	userId: string | null;
	/** As the audit log shows them: a user's name, or "API token <name>". */
	label: string;
}

/** Runs an UPDATE/DELETE ... RETURNING 1 and says how many rows it touched, on either driver. */
export async function countAffected(tx: Database, statement: SQL): Promise<number> {
	const [row] = await queryRows<{ n: number }>(tx, sql`with changed as (${statement} returning 1) select count(*)::int as n from changed`);
	return row?.n ?? 0;
}

/**
 * Moves the loser's tags to the survivor. A tag both already carry stays once: the loser's copy
 * is deleted instead of moved. Returns the taggings moved.
 */
export async function moveTaggings(tx: Database, workspaceId: string, column: 'account_id' | 'contact_id', survivorId: string, loserId: string) {
	const col = sql.raw(column);
	await countAffected(
		tx,
		sql`delete from tagging l where l.workspace_id = ${workspaceId} and l.${col} = ${loserId}
			and exists (select 1 from tagging s where s.workspace_id = ${workspaceId} and s.${col} = ${survivorId} and s.tag_id = l.tag_id)`
	);
	return countAffected(tx, sql`update tagging set ${col} = ${survivorId} where workspace_id = ${workspaceId} and ${col} = ${loserId}`);
}

/** Snapshot-friendly copy of a row: dates as ISO strings. */
export function snapshot(row: Record<string, unknown>): Record<string, unknown> {
	return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));
}
