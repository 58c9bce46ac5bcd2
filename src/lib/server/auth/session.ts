import { eq } from 'drizzle-orm';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { Database } from '../db/index';
import { authSession, user } from '../db/schema';

const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY_MS;
export const SESSION_COOKIE = 'signalroom_session';

export interface SessionUser {
	id: string;
	email: string;
	name: string;
}

export interface Session {
	id: string;
	userId: string;
	expiresAt: Date;
}

/** 160 random bits, base32: the cookie value. Only its SHA-256 is ever stored. */
export function generateSessionToken(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(20));
	return encodeBase32LowerCaseNoPadding(bytes);
}

export function hashToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export async function createSession(db: Database, token: string, userId: string, now = new Date()): Promise<Session> {
	const session = { id: hashToken(token), userId, expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS) };
	await db.insert(authSession).values(session);
	return session;
}

/**
 * Looks a cookie token up. Expired sessions are deleted; a session past half its life is
 * extended to a full 30 days again (sliding expiry), so active users stay signed in.
 */
export async function validateSessionToken(
	db: Database,
	token: string,
	now = new Date()
): Promise<{ session: Session; user: SessionUser } | null> {
	const id = hashToken(token);
	const [row] = await db
		.select({
			session: { id: authSession.id, userId: authSession.userId, expiresAt: authSession.expiresAt },
			user: { id: user.id, email: user.email, name: user.name }
		})
		.from(authSession)
		.innerJoin(user, eq(user.id, authSession.userId))
		.where(eq(authSession.id, id));
	if (!row) return null;
	const { session } = row;
	if (now.getTime() >= session.expiresAt.getTime()) {
		await db.delete(authSession).where(eq(authSession.id, id));
		return null;
	}
	if (now.getTime() >= session.expiresAt.getTime() - SESSION_LIFETIME_MS / 2) {
		session.expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
		await db.update(authSession).set({ expiresAt: session.expiresAt }).where(eq(authSession.id, id));
	}
	return row;
}

export async function invalidateSession(db: Database, sessionId: string): Promise<void> {
	await db.delete(authSession).where(eq(authSession.id, sessionId));
}

export async function invalidateUserSessions(db: Database, userId: string): Promise<void> {
	await db.delete(authSession).where(eq(authSession.userId, userId));
}
