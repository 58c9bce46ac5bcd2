/**
 * Each account's attributes and where its history starts (its first activity up to now, or now
 * when it has none): the ground every compiled rule stands on. Finding the first activity is one
 * index probe per account, which over 20,000 accounts costs as much as a cheap rule; a sweep
 * computes it once into a temporary table (`createAccountHistory`) that every rule then reads.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/index';

/** The temporary table a detection run shares between its compiled rules. */
export const ACCOUNT_HISTORY_TABLE = 'signal_account_history';

/**
 * Rows (account_id, lifecycle, plan, arr, industry, size, start_ms) for the workspace's accounts,
 * or only `accountIds` (passed as one array parameter, validated by the caller).
 */
export function accountHistorySql(workspaceId: string, now: Date, accountIds?: string[]): SQL {
	const nowAt = sql`${now.toISOString()}::timestamptz`;
	const only = accountIds === undefined ? sql`` : sql` and a.id = any(${`{${accountIds.join(',')}}`}::uuid[])`;
	return sql`select a.id as account_id, a.lifecycle::text as lifecycle, a.plan, a.arr, a.industry, a.size,
    coalesce((extract(epoch from (
      select min(x.occurred_at) from activity x where x.workspace_id = ${workspaceId}::uuid and x.account_id = a.id and x.occurred_at <= ${nowAt}
    )) * 1000)::bigint, ${now.getTime()}::bigint) as start_ms
  from account a where a.workspace_id = ${workspaceId}::uuid${only}`;
}

/**
 * Fills ACCOUNT_HISTORY_TABLE for this transaction (dropped at commit); pass
 * `historyTable: ACCOUNT_HISTORY_TABLE` with the same workspace, now and accounts to compileRule.
 */
export async function createAccountHistory(tx: Database, workspaceId: string, now: Date, accountIds?: string[]): Promise<void> {
	const table = sql.raw(ACCOUNT_HISTORY_TABLE);
	await tx.execute(sql`drop table if exists pg_temp.${table}`);
	await tx.execute(sql`create temp table ${table} on commit drop as ${accountHistorySql(workspaceId, now, accountIds)}`);
	await tx.execute(sql`analyze pg_temp.${table}`);
}
