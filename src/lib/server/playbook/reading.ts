import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/index';
import { playbookRead } from '../db/schema';

/** The revision this reader last read, or null if they never opened the playbook. */
export async function getLastRead(db: Database, workspaceId: string, userId: string): Promise<number | null> {
	const [row] = await db
		.select({ revision: playbookRead.revision })
		.from(playbookRead)
		.where(and(eq(playbookRead.workspaceId, workspaceId), eq(playbookRead.userId, userId)));
	return row?.revision ?? null;
}

/** Records that the reader has read up to `revision` (never moves backwards). */
export async function markRead(db: Database, workspaceId: string, userId: string, revision: number): Promise<void> {
	await db
		.insert(playbookRead)
		.values({ workspaceId, userId, revision })
		.onConflictDoUpdate({
			target: [playbookRead.workspaceId, playbookRead.userId],
			set: { revision: sql`greatest(${playbookRead.revision}, excluded.revision)`, readAt: new Date() }
		});
}
