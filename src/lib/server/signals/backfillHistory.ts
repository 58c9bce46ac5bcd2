/**
 * A signal's history before detection first ran: the first sweep that finds a stable signal
 * without any hit in the workspace records every earlier occurrence of it as a closed hit (without
 * evidence: the timeline highlights only open hits), so trends, backtests of stored hits and
 * "fired in the last 30 days" start from the beginning of the store, not from the day detection
 * was switched on. The occurrence holding now, and the latest closed one, are left to detection,
 * which records them as usual (with evidence) right after. A signal that never fired is looked at
 * again by the next sweep: one compiled query, as cheap as its detection.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index';
import { queryRows } from '../db/rows';
import { compileRule } from './compileRule';
import { ACCOUNT_HISTORY_TABLE } from './accountHistory';
import type { DetectionSignal } from './detectionSignals';

/** Returns how many past occurrences it recorded. Run inside the sweep's transaction, after createAccountHistory. */
export async function backfillSignalHistory(tx: Database, workspaceId: string, signals: DetectionSignal[], revision: number, now: Date): Promise<number> {
	const seen = await queryRows<{ signal_key: string }>(tx, sql`select distinct signal_key from signal_hit where workspace_id = ${workspaceId}::uuid`);
	const known = new Set(seen.map((r) => r.signal_key));
	let recorded = 0;
	for (const signal of signals) {
		if (known.has(signal.key)) continue;
		const runs = compileRule(signal.rule, { workspaceId, now, occurrences: true, historyTable: ACCOUNT_HISTORY_TABLE });
		// All closed runs but each account's latest one (detection records that one, with evidence).
		const rows = await queryRows<{ n: number }>(
			tx,
			sql`with runs as (${runs}), past as (
				select r.account_id, r.started_at, r.ended_at,
					row_number() over (partition by r.account_id order by r.started_at desc) as newest
				from runs r where r.ended_at is not null
			), inserted as (
				insert into signal_hit (workspace_id, signal_key, account_id, first_fired_at, last_fired_at, closed_at, evidence, revision)
				select ${workspaceId}::uuid, ${signal.key}, p.account_id, p.started_at, p.ended_at, p.ended_at, '{}', ${revision}::int
				from past p
				where p.newest > 1 or exists (select 1 from runs o where o.account_id = p.account_id and o.ended_at is null)
				returning 1
			) select count(*)::int as n from inserted`
		);
		recorded += Number(rows[0]?.n ?? 0);
	}
	return recorded;
}
