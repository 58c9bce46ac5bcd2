import { and, count, eq, gt, inArray, lt, min } from 'drizzle-orm';
import type { Database } from '../db/index';
import { loginFailure } from '../db/schema';

const WINDOW_MS = 15 * 60 * 1000;
/** Failed attempts allowed per window: few per account (guessing one password), more per IP (shared offices). */
export const MAX_FAILURES = { email: 5, ip: 30 } as const;

const keys = (email: string, ip: string) => ({ email: `email:${email.toLowerCase()}`, ip: `ip:${ip}` });

export interface ThrottleVerdict {
	blocked: boolean;
	/** Whole minutes until the oldest counted failure leaves the window. */
	retryAfterMinutes: number;
	reason?: 'email' | 'ip';
}

export async function checkLoginThrottle(db: Database, email: string, ip: string, now = new Date()): Promise<ThrottleVerdict> {
	const k = keys(email, ip);
	const since = new Date(now.getTime() - WINDOW_MS);
	for (const reason of ['email', 'ip'] as const) {
		const [row] = await db
			.select({ n: count(), oldest: min(loginFailure.at) })
			.from(loginFailure)
			.where(and(eq(loginFailure.key, k[reason]), gt(loginFailure.at, since)));
		if (row && row.n >= MAX_FAILURES[reason] && row.oldest) {
			const ms = new Date(row.oldest).getTime() + WINDOW_MS - now.getTime();
			return { blocked: true, retryAfterMinutes: Math.max(1, Math.ceil(ms / 60000)), reason };
		}
	}
	return { blocked: false, retryAfterMinutes: 0 };
}

export async function recordLoginFailure(db: Database, email: string, ip: string, now = new Date()): Promise<void> {
	const k = keys(email, ip);
	await db.insert(loginFailure).values([
		{ key: k.email, at: now },
		{ key: k.ip, at: now }
	]);
	await db.delete(loginFailure).where(lt(loginFailure.at, new Date(now.getTime() - WINDOW_MS)));
}

/** A successful sign-in forgives that account's failures (not the IP's). */
export async function clearLoginFailures(db: Database, email: string): Promise<void> {
	await db.delete(loginFailure).where(inArray(loginFailure.key, [keys(email, '').email]));
}
