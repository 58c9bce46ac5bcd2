import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDatabases } from '../../../../tests/databases';
import { makeAccount, makeUser, makeWorkspace } from '../../../../tests/factories';
import type { OpenDatabase } from '../db/index';
import { apiToken, activity } from '../db/schema';
import { authenticateApiToken, createApiToken, listApiTokens, revokeApiToken } from './apiTokens';
import { takeRateLimit } from './rateLimit';
import { requestFingerprint, runIdempotent } from './idempotency';
import { ingestActivities } from './ingestActivities';
import { listAuditEntries } from '../audit';
import { ApiError } from './apiError';

describe.each(testDatabases())('API tokens, rate limits and idempotent ingest on $name', ({ open }) => {
	let store: OpenDatabase;
	let ws: string;
	let admin: { userId: string; name: string };
	beforeAll(async () => {
		store = await open();
		ws = (await makeWorkspace(store.db)).id;
		const u = await makeUser(store.db, { workspaceId: ws, role: 'admin', name: 'Ada Admin' });
		admin = { userId: u.id, name: u.name };
	});
	afterAll(() => store.close());

	it('stores only the hash of a token, authenticates it until revoked, and audits both', async () => {
		const { id, secret } = await createApiToken(store.db, ws, admin, { name: 'Zendesk sync', scopes: ['read', 'ingest'], ratePerMinute: 600 });
		const [row] = await store.db.select().from(apiToken).where(eq(apiToken.id, id));
		expect(row.tokenHash).not.toContain(secret);
		expect(JSON.stringify(row)).not.toContain(secret);
		expect(row.prefix).toBe(secret.slice(0, 7));

		const now = new Date();
		const principal = await authenticateApiToken(store.db, secret, now);
		expect(principal).toMatchObject({ tokenId: id, workspaceId: ws, scopes: ['read', 'ingest'], tokenName: 'Zendesk sync' });
		expect((await listApiTokens(store.db, ws)).find((t) => t.id === id)?.lastUsedAt?.getTime()).toBe(now.getTime());
		expect(await authenticateApiToken(store.db, secret.slice(0, -1) + (secret.endsWith('a') ? 'b' : 'a'))).toBeNull();

		expect(await revokeApiToken(store.db, ws, admin, id)).toBe(true);
		expect(await revokeApiToken(store.db, ws, admin, id)).toBe(false);
		expect(await authenticateApiToken(store.db, secret)).toBeNull();
		const actions = (await listAuditEntries(store.db, ws)).filter((e) => e.subjectId === id).map((e) => [e.action, e.actorLabel]);
		expect(actions).toEqual([
			['token.revoke', 'Ada Admin'],
			['token.create', 'Ada Admin']
		]);
	});

	it('a token of another workspace cannot be revoked from this one', async () => {
		const other = (await makeWorkspace(store.db)).id;
		const { id, secret } = await createApiToken(store.db, other, admin, { name: 'Other', scopes: ['read'], ratePerMinute: 60 });
		expect(await revokeApiToken(store.db, ws, admin, id)).toBe(false);
		expect(await authenticateApiToken(store.db, secret)).toMatchObject({ workspaceId: other });
	});

	it('counts requests per token per minute, refuses past the limit with the seconds left, and starts again next minute', async () => {
		const { id } = await createApiToken(store.db, ws, admin, { name: 'Limited', scopes: ['read'], ratePerMinute: 60 });
		const at = new Date('2026-05-01T10:00:45.200Z');
		for (let i = 0; i < 2; i++) expect((await takeRateLimit(store.db, id, 2, at)).allowed).toBe(true);
		const refused = await takeRateLimit(store.db, id, 2, at);
		expect(refused).toEqual({ allowed: false, limit: 2, remaining: 0, resetSeconds: 15 });
		expect((await takeRateLimit(store.db, id, 2, new Date('2026-05-01T10:01:00.000Z'))).allowed).toBe(true);
	});

	it('applies a batch once per Idempotency-Key, replays the stored answer, and refuses the key with another body', async () => {
		const acct = await makeAccount(store.db, ws, { externalId: 'crm-42' });
		const batch = [{ type: 'web_visit' as const, occurredAt: '2026-04-01T09:00:00Z', accountExternalId: 'crm-42', properties: { page: '/pricing' } }];
		const fingerprint = requestFingerprint('POST', '/api/v1/activities', JSON.stringify(batch));
		const run = () =>
			runIdempotent(store.db, ws, 'batch-1', fingerprint, async (tx) => {
				const { ids } = await ingestActivities(tx, ws, batch);
				return { status: 201, body: { inserted: ids.length, activityIds: ids } };
			});
		const first = await run();
		const second = await run();
		expect(first.replayed).toBe(false);
		expect(second).toEqual({ ...first, replayed: true });
		const rows = await store.db.select().from(activity).where(eq(activity.accountId, acct.id));
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ type: 'web_visit', department: 'marketing', properties: { page: '/pricing' } });

		const other = requestFingerprint('POST', '/api/v1/activities', '[]');
		await expect(runIdempotent(store.db, ws, 'batch-1', other, async () => ({ status: 201, body: {} }))).rejects.toMatchObject({ status: 422, code: 'idempotency_key_reused' });
	});

	it('refuses a whole batch that names an account of another workspace, leaving no key behind', async () => {
		const foreign = await makeAccount(store.db, (await makeWorkspace(store.db)).id);
		const own = await makeAccount(store.db, ws);
		const batch = [
			{ type: 'call_logged' as const, occurredAt: '2026-04-01T09:00:00Z', accountId: own.id },
			{ type: 'call_logged' as const, occurredAt: '2026-04-01T09:00:00Z', accountId: foreign.id }
		];
		const attempt = runIdempotent(store.db, ws, 'batch-x', 'f', async (tx) => ({ status: 201, body: await ingestActivities(tx, ws, batch) }));
		await expect(attempt).rejects.toBeInstanceOf(ApiError);
		await expect(attempt).rejects.toMatchObject({ status: 422, field: 'activities.1.accountId' });
		expect(await store.db.select().from(activity).where(eq(activity.accountId, own.id))).toHaveLength(0);
		const retried = await runIdempotent(store.db, ws, 'batch-x', 'f', async (tx) => ({ status: 201, body: await ingestActivities(tx, ws, batch.slice(0, 1)) }));
		expect(retried.replayed).toBe(false);
	});
});
