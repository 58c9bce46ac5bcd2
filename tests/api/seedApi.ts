import type { Database } from '../../src/lib/server/db/index';
import { createApiToken, revokeApiToken } from '../../src/lib/server/api/apiTokens';
import type { ApiScope } from '../../src/lib/domain/api/scopes';
import { makeAccount, makeActivities, makeUser, makeWorkspace } from '../factories';
import { createWebhookEndpoint } from '../../src/lib/server/webhooks/endpoints';

/** Two workspaces with tokens of every kind, and an account with a 130-event timeline in A. */
export async function seedApi(db: Database, webhookUrl?: string) {
	const a = await makeWorkspace(db, 'Workspace A');
	const b = await makeWorkspace(db, 'Workspace B');
	const adminA = await makeUser(db, { workspaceId: a.id, role: 'admin', name: 'Admin A' });
	const adminB = await makeUser(db, { workspaceId: b.id, role: 'admin', name: 'Admin B' });
	const actorA = { userId: adminA.id, name: adminA.name };
	const created = (scopes: ApiScope[], ratePerMinute = 6000, ws = a.id, actor = actorA) => createApiToken(db, ws, actor, { name: scopes.join('+'), scopes, ratePerMinute });
	const token = async (...args: Parameters<typeof created>) => (await created(...args)).secret;
	const revoked = await created(['read', 'write', 'ingest']);
	await revokeApiToken(db, a.id, actorA, revoked.id);
	const tokens = {
		read: await token(['read']),
		write: await token(['write']),
		ingest: await token(['ingest']),
		all: await token(['read', 'write', 'ingest']),
		limited: await token(['read'], 3),
		revoked: revoked.secret,
		allB: await token(['read', 'write', 'ingest'], 6000, b.id, { userId: adminB.id, name: adminB.name })
	};
	const accountA = await makeAccount(db, a.id, { name: 'Acme', domain: 'acme.com', externalId: 'crm-acme' });
	const accountB = await makeAccount(db, b.id, { name: 'Beta Corp', domain: 'beta.com', externalId: 'crm-beta' });
	const start = Date.parse('2026-01-01T00:00:00Z');
	await makeActivities(db, a.id, accountA.id, Array.from({ length: 130 }, (_, i) => ({ type: 'web_visit' as const, at: new Date(start + i * 3_600_000), properties: { n: i } })));
	const webhook = webhookUrl ? await createWebhookEndpoint(db, a.id, actorA, { url: webhookUrl, description: 'API test receiver', events: ['account.created', 'account.updated', 'deal.stage_changed'] }) : null;
	return { a, b, adminA, tokens, accountA, accountB, webhookSecret: webhook?.secret ?? '' };
}
export type ApiSeed = Awaited<ReturnType<typeof seedApi>>;
