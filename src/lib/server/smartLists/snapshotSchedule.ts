/**
 * The daily smart-list snapshot: croner checks every hour (minute 17 by default, and once shortly
 * after start) for lists without a snapshot for today (UTC) and takes one, so each list gets one
 * point per day even when the app was down at midnight. The run holds a Postgres advisory lock:
 * with several app processes on one database, one does it and the others skip.
 */
import { Cron } from 'croner';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db/index';
import { queryRows } from '../db/rows';
import { smartList, smartListSnapshot } from '../db/schema';
import { liveMembers } from './liveMembers';
import { storeSnapshot, utcDay } from './snapshots';

/** Advisory lock key of the snapshot run (next to detection's 61_001 and 61_002). */
const SNAPSHOT_LOCK = 61_003;

const holder = globalThis as typeof globalThis & { __signalroomSmartListSnapshots?: Cron };

/**
 * Takes today's snapshot of every list (all workspaces) that has none yet. Returns how many were
 * taken, or null when another process held the lock. A list whose evaluation fails is logged and
 * skipped; the next hour tries again.
 */
export async function snapshotDueSmartLists(db: Database, now = new Date()): Promise<number | null> {
	return db.transaction(async (t) => {
		const tx = t as unknown as Database;
		const [lock] = await queryRows<{ locked: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${SNAPSHOT_LOCK}) as locked`);
		if (!lock.locked) return null;
		const due = await tx
			.select()
			.from(smartList)
			.leftJoin(smartListSnapshot, and(eq(smartListSnapshot.listId, smartList.id), eq(smartListSnapshot.day, utcDay(now))))
			.where(isNull(smartListSnapshot.listId));
		let taken = 0;
		for (const { smart_list: list } of due) {
			try {
				await tx.transaction(async (inner) => {
					const itx = inner as unknown as Database;
					await storeSnapshot(itx, list.workspaceId, list.id, await liveMembers(itx, list, now), now, 'keep');
				});
				taken++;
			} catch (e) {
				console.error(`Snapshot of smart list ${list.id} failed:`, e);
			}
		}
		return taken;
	});
}

/** Starts the hourly check once per process; SMART_LIST_SNAPSHOTS=off turns it off. */
export function startSmartListSnapshots(database: () => Promise<Database>): void {
	const pattern = process.env.SMART_LIST_SNAPSHOTS ?? '17 * * * *';
	if (pattern === 'off' || holder.__signalroomSmartListSnapshots) return;
	const run = async () => void (await snapshotDueSmartLists(await database()));
	holder.__signalroomSmartListSnapshots = new Cron(pattern, { name: 'smart-list-snapshots', protect: true, unref: true, catch: (e) => console.error('Smart list snapshots failed:', e) }, run);
	setTimeout(() => void holder.__signalroomSmartListSnapshots?.trigger(), 30_000).unref();
}

export function stopSmartListSnapshots(): void {
	holder.__signalroomSmartListSnapshots?.stop();
	holder.__signalroomSmartListSnapshots = undefined;
}
