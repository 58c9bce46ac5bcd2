import { and, eq, lt, sql } from 'drizzle-orm';
import type { Database } from '../db/index';
import { apiRateWindow } from '../db/schema';

const WINDOW_MS = 60_000;

export interface RateDecision {
	allowed: boolean;
	limit: number;
	remaining: number;
	/** Whole seconds until the current window ends (what Retry-After says on a 429). */
	resetSeconds: number;
}

/**
 * Counts one request against a token's per-minute limit. The count lives in PostgreSQL (one
 * upsert, atomic), so every app process behind a load balancer shares the same budget.
 * Fixed one-minute windows: a client can burst up to twice the limit across a window edge.
 */
export async function takeRateLimit(db: Database, tokenId: string, limit: number, now = new Date()): Promise<RateDecision> {
	const start = new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS);
	const [row] = await db
		.insert(apiRateWindow)
		.values({ tokenId, windowStart: start, count: 1 })
		.onConflictDoUpdate({
			target: [apiRateWindow.tokenId, apiRateWindow.windowStart],
			set: { count: sql`${apiRateWindow.count} + 1` }
		})
		.returning({ count: apiRateWindow.count });
	// The first request of a window clears this token's old windows, so the table stays small.
	if (row.count === 1) await db.delete(apiRateWindow).where(and(eq(apiRateWindow.tokenId, tokenId), lt(apiRateWindow.windowStart, start)));
	const resetSeconds = Math.max(1, Math.ceil((start.getTime() + WINDOW_MS - now.getTime()) / 1000));
	return { allowed: row.count <= limit, limit, remaining: Math.max(0, limit - row.count), resetSeconds };
}
