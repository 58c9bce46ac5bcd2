/**
 * A smart list's history: one snapshot of its members per UTC day. "Who entered and left since a
 * date" compares the snapshot on (or just before) that date with the members now.
 */
import { and, asc, desc, eq, gte, lte } from 'drizzle-orm';
import type { Database } from '../db/index';
import { smartListSnapshot } from '../db/schema';
import { diffMembers } from '$lib/domain/smartLists/definition';
import { loadMemberRows, type MemberRow } from './members';

/** "2026-06-01": the UTC day a moment belongs to (snapshots are kept per UTC day). */
export const utcDay = (at: Date) => at.toISOString().slice(0, 10);

/**
 * Stores the members as the list's snapshot for the day of `now`. 'replace' (creating or editing a
 * list: the day's point follows the latest definition) or 'keep' (the daily job: a day that has
 * its point keeps it), so however often either runs, a list has one snapshot per day.
 */
export async function storeSnapshot(db: Database, workspaceId: string, listId: string, memberIds: readonly string[], now: Date, mode: 'replace' | 'keep'): Promise<void> {
	const row = { listId, workspaceId, day: utcDay(now), memberCount: memberIds.length, memberIds: [...memberIds].sort(), takenAt: now };
	const insert = db.insert(smartListSnapshot).values(row);
	const target = [smartListSnapshot.listId, smartListSnapshot.day];
	if (mode === 'keep') await insert.onConflictDoNothing({ target });
	else await insert.onConflictDoUpdate({ target, set: { memberCount: row.memberCount, memberIds: row.memberIds, takenAt: now } });
}

/** Size per day, oldest first (the last `days` days of history). */
export async function listSnapshotSizes(db: Database, workspaceId: string, listId: string, days = 365): Promise<{ day: string; memberCount: number }[]> {
	const rows = await db
		.select({ day: smartListSnapshot.day, memberCount: smartListSnapshot.memberCount })
		.from(smartListSnapshot)
		.where(and(eq(smartListSnapshot.workspaceId, workspaceId), eq(smartListSnapshot.listId, listId)))
		.orderBy(desc(smartListSnapshot.day))
		.limit(days);
	return rows.reverse();
}

/** The snapshot on `day` or the latest before it; without one, the earliest after it (marked not exact). */
async function baselineSnapshot(db: Database, workspaceId: string, listId: string, day: string) {
	const of = and(eq(smartListSnapshot.workspaceId, workspaceId), eq(smartListSnapshot.listId, listId));
	const cols = { day: smartListSnapshot.day, memberIds: smartListSnapshot.memberIds };
	const [before] = await db.select(cols).from(smartListSnapshot).where(and(of, lte(smartListSnapshot.day, day))).orderBy(desc(smartListSnapshot.day)).limit(1);
	if (before) return { ...before, exact: true };
	const [after] = await db.select(cols).from(smartListSnapshot).where(and(of, gte(smartListSnapshot.day, day))).orderBy(asc(smartListSnapshot.day)).limit(1);
	return after ? { ...after, exact: false } : null;
}

export interface MembershipChanges {
	/** The snapshot compared with now; exact false when the list has no snapshot that old (its first one is used). */
	baseline: { day: string; exact: boolean } | null;
	entered: MemberRow[];
	left: MemberRow[];
	/** Accounts that left and have since been deleted (no name to show). */
	leftDeleted: number;
}

/** Who entered and who left the list between the snapshot of `sinceDay` and the members now. */
export async function membershipChanges(db: Database, workspaceId: string, listId: string, sinceDay: string, memberIdsNow: readonly string[]): Promise<MembershipChanges> {
	const baseline = await baselineSnapshot(db, workspaceId, listId, sinceDay);
	if (!baseline) return { baseline: null, entered: [], left: [], leftDeleted: 0 };
	const { entered, left } = diffMembers(baseline.memberIds, memberIdsNow);
	const leftRows = await loadMemberRows(db, workspaceId, left);
	return {
		baseline: { day: baseline.day, exact: baseline.exact },
		entered: await loadMemberRows(db, workspaceId, entered),
		left: leftRows,
		leftDeleted: left.length - leftRows.length
	};
}
