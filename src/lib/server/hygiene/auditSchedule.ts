import { Cron } from 'croner';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index';
import { queryRows } from '../db/rows';
import { runDataAudit } from './dataAudits';
import { isAuditDue, type AuditSchedule } from '../../domain/hygiene/auditSchedule';

/** Advisory lock key for the data-audit run ("hygiene" in ASCII), so one app process runs it at a time. */
const AUDIT_LOCK_KEY = 0x6879_6769;

/**
 * Runs the scheduled data audits that are due (one per workspace per calendar month while its
 * schedule is monthly). The whole run holds a transaction-scoped advisory lock: when several app
 * processes share one PostgreSQL, the others see the lock taken and skip. Returns the workspaces
 * audited, or null when another process held the lock.
 */
export async function runDueDataAudits(db: Database, now = new Date()): Promise<string[] | null> {
	return db.transaction(async (tx) => {
		const [lock] = await queryRows<{ locked: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${AUDIT_LOCK_KEY}) as locked`);
		if (!lock.locked) return null;
		const workspaces = await queryRows<{ id: string; schedule: AuditSchedule; last_at: string | Date | null }>(
			tx,
			sql`select w.id, coalesce(s.audit_schedule, 'monthly') as schedule,
				(select max(d.ran_at) from data_audit d where d.workspace_id = w.id and d.trigger = 'schedule') as last_at
			from workspace w left join hygiene_settings s on s.workspace_id = w.id
			order by w.created_at, w.id`
		);
		const audited: string[] = [];
		for (const w of workspaces) {
			if (!isAuditDue(w.schedule, w.last_at ? new Date(w.last_at) : null, now)) continue;
			await runDataAudit(tx, w.id, { trigger: 'schedule', now });
			audited.push(w.id);
		}
		return audited;
	});
}

/**
 * Checks for due audits at minute 7 of every hour (so a month whose first hours the app was down
 * still gets its audit), and once shortly after start. `protect` skips a tick while the last runs.
 */
export function startDataAuditSchedule(database: () => Promise<Database>): Cron {
	const tick = async () => {
		await runDueDataAudits(await database());
	};
	const job = new Cron('7 * * * *', { protect: true, unref: true, catch: (e) => console.error('Scheduled data audit failed:', e) }, tick);
	setTimeout(() => void tick().catch((e) => console.error('Scheduled data audit failed:', e)), 60_000).unref();
	return job;
}
