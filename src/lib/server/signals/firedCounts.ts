/** How many accounts each signal held for recently, from the stored hits (for the playbook's cards). */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index';
import { queryRows } from '../db/rows';

const DAY_MS = 86_400_000;

/** Per signal key: accounts with a hit that held at some moment in the last 7 and the last 30 days. */
export async function countFiredAccounts(db: Database, workspaceId: string, now = new Date()): Promise<Record<string, { days7: number; days30: number }>> {
	const at = (ms: number) => new Date(now.getTime() - ms).toISOString();
	const rows = await queryRows<{ signal_key: string; days7: number | string; days30: number | string }>(
		db,
		sql`select signal_key,
				count(distinct account_id) filter (where closed_at is null or closed_at > ${at(7 * DAY_MS)}::timestamptz) as days7,
				count(distinct account_id) as days30
			from signal_hit
			where workspace_id = ${workspaceId}::uuid and first_fired_at <= ${now.toISOString()}::timestamptz
			  and (closed_at is null or closed_at > ${at(30 * DAY_MS)}::timestamptz)
			group by signal_key`
	);
	return Object.fromEntries(rows.map((r) => [r.signal_key, { days7: Number(r.days7), days30: Number(r.days30) }]));
}
