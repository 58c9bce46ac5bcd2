import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDatabases } from '../../../../tests/databases';
import { makeUser } from '../../../../tests/factories';
import type { OpenDatabase } from '../db/index';
import { authSession } from '../db/schema';
import {
	SESSION_LIFETIME_MS,
	createSession,
	generateSessionToken,
	hashToken,
	invalidateSession,
	invalidateUserSessions,
	validateSessionToken
} from './session';
import { MAX_FAILURES, checkLoginThrottle, clearLoginFailures, recordLoginFailure } from './loginThrottle';

const DAY = 86400000;

describe.each(testDatabases())('sessions and sign-in throttling on $name', ({ open }) => {
	let store: OpenDatabase;
	beforeAll(async () => {
		store = await open();
	});
	afterAll(() => store.close());

	it('stores only the SHA-256 of the token and finds the user by the token', async () => {
		const u = await makeUser(store.db);
		const token = generateSessionToken();
		const session = await createSession(store.db, token, u.id);
		expect(session.id).toBe(hashToken(token));
		expect(session.id).not.toContain(token);
		const rows = await store.db.select().from(authSession).where(eq(authSession.userId, u.id));
		expect(rows.map((r) => r.id)).toEqual([hashToken(token)]);
		expect((await validateSessionToken(store.db, token))?.user.email).toBe(u.email);
		expect(await validateSessionToken(store.db, generateSessionToken())).toBeNull();
	});

	it('slides the expiry forward once half the lifetime has passed, and drops expired sessions', async () => {
		const u = await makeUser(store.db);
		const token = generateSessionToken();
		const start = new Date('2026-01-01T00:00:00Z');
		await createSession(store.db, token, u.id, start);
		const early = await validateSessionToken(store.db, token, new Date(start.getTime() + 5 * DAY));
		expect(early?.session.expiresAt.getTime()).toBe(start.getTime() + SESSION_LIFETIME_MS);
		const later = new Date(start.getTime() + 20 * DAY);
		const slid = await validateSessionToken(store.db, token, later);
		expect(slid?.session.expiresAt.getTime()).toBe(later.getTime() + SESSION_LIFETIME_MS);
		expect(await validateSessionToken(store.db, token, new Date(later.getTime() + SESSION_LIFETIME_MS + 1))).toBeNull();
		expect(await store.db.select().from(authSession).where(eq(authSession.userId, u.id))).toHaveLength(0);
	});

	it('ends one session on sign-out and all of a user’s sessions on password change', async () => {
		const u = await makeUser(store.db);
		const [a, b] = [generateSessionToken(), generateSessionToken()];
		const sa = await createSession(store.db, a, u.id);
		await createSession(store.db, b, u.id);
		await invalidateSession(store.db, sa.id);
		expect(await validateSessionToken(store.db, a)).toBeNull();
		expect(await validateSessionToken(store.db, b)).not.toBeNull();
		await invalidateUserSessions(store.db, u.id);
		expect(await validateSessionToken(store.db, b)).toBeNull();
	});

	it('blocks an account after repeated failures, says for how long, and spares other accounts', async () => {
		const now = new Date('2026-02-01T10:00:00Z');
		const email = `target-${Date.now()}@example.test`;
		for (let i = 0; i < MAX_FAILURES.email; i++) await recordLoginFailure(store.db, email, '10.0.0.1', now);
		const verdict = await checkLoginThrottle(store.db, email, '10.0.0.2', new Date(now.getTime() + 60_000));
		expect(verdict).toEqual({ blocked: true, retryAfterMinutes: 14, reason: 'email' });
		expect((await checkLoginThrottle(store.db, `other-${email}`, '10.0.0.2', now)).blocked).toBe(false);
		expect((await checkLoginThrottle(store.db, email, '10.0.0.2', new Date(now.getTime() + 16 * 60_000))).blocked).toBe(false);
		await clearLoginFailures(store.db, email);
		expect((await checkLoginThrottle(store.db, email, '10.0.0.9', new Date(now.getTime() + 60_000))).blocked).toBe(false);
	});

	it('blocks an IP that tries many accounts', async () => {
		const now = new Date('2026-03-01T10:00:00Z');
		const ip = `192.0.2.${Math.floor(Math.random() * 200)}`;
		for (let i = 0; i < MAX_FAILURES.ip; i++) await recordLoginFailure(store.db, `spray-${i}-${ip}@example.test`, ip, now);
		const verdict = await checkLoginThrottle(store.db, 'fresh@example.test', ip, now);
		expect(verdict.blocked).toBe(true);
		expect(verdict.reason).toBe('ip');
	});
});
