/** Sales and marketing cost per month (CAC's numerator), entered by admins. */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/index';
import { acquisitionCost } from '../db/schema';

export async function listAcquisitionCosts(db: Database, workspaceId: string, limit = 36) {
	return db
		.select({ month: acquisitionCost.month, amount: acquisitionCost.amount })
		.from(acquisitionCost)
		.where(eq(acquisitionCost.workspaceId, workspaceId))
		.orderBy(desc(acquisitionCost.month))
		.limit(limit);
}

/** Sets a month's cost (replacing an earlier figure); an amount of null removes it. */
export async function saveAcquisitionCost(db: Database, workspaceId: string, userId: string, month: string, amount: number | null): Promise<void> {
	if (amount === null) {
		await db.delete(acquisitionCost).where(and(eq(acquisitionCost.workspaceId, workspaceId), eq(acquisitionCost.month, month)));
		return;
	}
	await db
		.insert(acquisitionCost)
		.values({ workspaceId, month, amount, updatedBy: userId })
		.onConflictDoUpdate({ target: [acquisitionCost.workspaceId, acquisitionCost.month], set: { amount, updatedBy: userId, updatedAt: sql`now()` } });
}
