import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTargets, call, type ApiServer } from './apiServer';
import { seedApi, type ApiSeed } from './seedApi';
import { documentValidator, routeFiles } from './conformance';
import { startReceiver } from '../webhookReceiver';
import { verifyWebhook } from '../../src/lib/server/webhooks/signature';

describe.each(apiTargets())('REST API v1 on the production server ($name)', (target) => {
	let server: ApiServer;
	let seed: ApiSeed;
	let conform: ReturnType<typeof documentValidator>;
	let receiver: Awaited<ReturnType<typeof startReceiver>>;
	/** A request whose answer must match the OpenAPI document for `template`. */
	const checked = async (method: string, template: string, pathname: string, options: Parameters<typeof call>[3] = {}) => {
		const res = await call(server.baseUrl, method, pathname, options);
		conform(method, template, res.status, res.json);
		return res;
	};
	beforeAll(async () => {
		receiver = await startReceiver();
		({ server, seeded: seed } = await target.start((db) => seedApi(db, receiver.url)));
		const doc = await call(server.baseUrl, 'GET', '/api/v1/openapi.json');
		expect(doc.status).toBe(200);
		conform = documentValidator(doc.json);
	}, 180_000);
	afterAll(async () => {
		await server?.stop();
		await receiver?.close();
	});

	it('serves an OpenAPI 3.1 document that lists every route file with the methods it exports', async () => {
		const doc = (await call(server.baseUrl, 'GET', '/api/v1/openapi.json')).json;
		expect(doc.openapi).toBe('3.1.0');
		const routes = routeFiles();
		expect(routes.length).toBeGreaterThanOrEqual(5);
		for (const route of routes) {
			expect(Object.keys(doc.paths), route.path).toContain(route.path);
			expect(Object.keys(doc.paths[route.path]).sort(), route.path).toEqual(route.methods.sort());
		}
		expect(Object.keys(doc.paths).sort()).toEqual(routes.map((r) => r.path).sort());
	});

	it('still refuses cross-site form posts outside the API (the check moved from the framework into hooks)', async () => {
		const form = { rawBody: 'email=a%40b.c&password=x', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://evil.example' } };
		const refused = await call(server.baseUrl, 'POST', '/login', form);
		expect([refused.status, refused.text]).toEqual([403, 'Cross-site POST form submissions are forbidden']);
		const noOrigin = await call(server.baseUrl, 'POST', '/login', { ...form, headers: { 'Content-Type': 'text/plain' } });
		expect(noOrigin.status).toBe(403);
		const sameOrigin = await call(server.baseUrl, 'POST', '/login', { ...form, headers: { ...form.headers, Origin: server.baseUrl } });
		expect(sameOrigin.status).not.toBe(403);
	});

	it('refuses missing, unknown and revoked tokens with 401 and a JSON error', async () => {
		const none = await checked('GET', '/api/v1/accounts', '/api/v1/accounts');
		expect(none.status).toBe(401);
		expect(none.json.error.code).toBe('unauthorized');
		expect(none.headers.get('www-authenticate')).toContain('Bearer');
		for (const token of ['sr_nottherealtoken', 'garbage', seed.tokens.revoked]) {
			const res = await checked('GET', '/api/v1/accounts', '/api/v1/accounts', { token });
			expect(res.status, token).toBe(401);
			expect(res.json.error.code).toBe('invalid_token');
		}
	});

	it('lets each scope do only its own work', async () => {
		const batch = { activities: [{ type: 'call_logged', occurredAt: '2026-02-01T10:00:00Z', accountExternalId: 'crm-acme' }] };
		const readIngest = await checked('POST', '/api/v1/activities', '/api/v1/activities', { token: seed.tokens.read, body: batch, headers: { 'Idempotency-Key': 'scope-1' } });
		expect(readIngest.status).toBe(403);
		expect(readIngest.json.error).toMatchObject({ code: 'insufficient_scope' });
		expect(readIngest.json.error.message).toContain('"ingest"');
		const writeIngest = await checked('POST', '/api/v1/activities', '/api/v1/activities', { token: seed.tokens.write, body: batch, headers: { 'Idempotency-Key': 'scope-2' } });
		expect(writeIngest.status).toBe(403);
		const ingestRead = await checked('GET', '/api/v1/accounts', '/api/v1/accounts', { token: seed.tokens.ingest });
		expect(ingestRead.status).toBe(403);
		expect((await checked('GET', '/api/v1/accounts', '/api/v1/accounts', { token: seed.tokens.read })).status).toBe(200);
		expect((await checked('POST', '/api/v1/activities', '/api/v1/activities', { token: seed.tokens.ingest, body: batch, headers: { 'Idempotency-Key': 'scope-3' } })).status).toBe(201);
	});

	it('keeps every token inside its own workspace', async () => {
		const foreign = await checked('GET', '/api/v1/accounts/{id}', `/api/v1/accounts/${seed.accountA.id}`, { token: seed.tokens.allB });
		expect(foreign.status).toBe(404);
		expect(foreign.json.error.code).toBe('not_found');
		expect((await checked('GET', '/api/v1/accounts/{id}/timeline', `/api/v1/accounts/${seed.accountA.id}/timeline`, { token: seed.tokens.allB })).status).toBe(404);
		const listB = await checked('GET', '/api/v1/accounts', '/api/v1/accounts', { token: seed.tokens.allB });
		expect(listB.json.data.map((a: { name: string }) => a.name)).toEqual(['Beta Corp']);
		const byExternal = await checked('GET', '/api/v1/accounts', '/api/v1/accounts?externalId=crm-acme', { token: seed.tokens.allB });
		expect(byExternal.json.data).toEqual([]);
		for (const ref of [{ accountId: seed.accountA.id }, { accountExternalId: 'crm-acme' }]) {
			const res = await checked('POST', '/api/v1/activities', '/api/v1/activities', {
				token: seed.tokens.allB,
				body: { activities: [{ type: 'churned', occurredAt: '2026-02-01T10:00:00Z', ...ref }] },
				headers: { 'Idempotency-Key': `cross-${Object.keys(ref)[0]}` }
			});
			expect(res.status).toBe(422);
			expect(res.json.error.field).toBe(`activities.0.${Object.keys(ref)[0]}`);
		}
		const timelineA = await checked('GET', '/api/v1/accounts/{id}', `/api/v1/accounts/${seed.accountA.id}?limit=500`, { token: seed.tokens.read });
		expect(timelineA.json.timeline.items.some((i: { type: string }) => i.type === 'churned')).toBe(false);
	});

	it('applies a retried batch once, replays its answer, and refuses the key with a different body', async () => {
		const body = { activities: Array.from({ length: 5 }, (_, i) => ({ type: 'email_opened', occurredAt: `2026-03-0${i + 1}T08:00:00Z`, accountId: seed.accountA.id, properties: { campaign: 'spring' } })) };
		const headers = { 'Idempotency-Key': 'batch-2026-03' };
		const first = await checked('POST', '/api/v1/activities', '/api/v1/activities', { token: seed.tokens.ingest, body, headers });
		expect(first.status).toBe(201);
		expect(first.json.inserted).toBe(5);
		const again = await checked('POST', '/api/v1/activities', '/api/v1/activities', { token: seed.tokens.ingest, body, headers });
		expect(again.status).toBe(201);
		expect(again.json).toEqual(first.json);
		expect(again.headers.get('idempotent-replayed')).toBe('true');
		const timeline = await checked('GET', '/api/v1/accounts/{id}', `/api/v1/accounts/${seed.accountA.id}?limit=500`, { token: seed.tokens.read });
		expect(timeline.json.timeline.items.filter((i: { type: string }) => i.type === 'email_opened')).toHaveLength(5);

		const changed = await checked('POST', '/api/v1/activities', '/api/v1/activities', { token: seed.tokens.ingest, body: { activities: body.activities.slice(1) }, headers });
		expect(changed.status).toBe(422);
		expect(changed.json.error).toMatchObject({ code: 'idempotency_key_reused', field: 'Idempotency-Key' });
		const missing = await checked('POST', '/api/v1/activities', '/api/v1/activities', { token: seed.tokens.ingest, body });
		expect(missing.status).toBe(422);
		expect(missing.json.error.field).toBe('Idempotency-Key');
	});

	it('pages an account timeline newest first with keyset cursors, without gaps or repeats', async () => {
		const first = await checked('GET', '/api/v1/accounts/{id}', `/api/v1/accounts/${seed.accountA.id}?limit=50`, { token: seed.tokens.read });
		expect(first.json.data).toMatchObject({ id: seed.accountA.id, name: 'Acme', domain: 'acme.com', externalId: 'crm-acme' });
		const ids: number[] = first.json.timeline.items.map((i: { id: number }) => i.id);
		let next = first.json.timeline.next;
		while (next) {
			const page = await checked('GET', '/api/v1/accounts/{id}/timeline', `/api/v1/accounts/${seed.accountA.id}/timeline?limit=50&cursor=${next}`, { token: seed.tokens.read });
			ids.push(...page.json.items.map((i: { id: number }) => i.id));
			next = page.json.next;
		}
		expect(new Set(ids).size).toBe(ids.length);
		const visits = (await checked('GET', '/api/v1/accounts/{id}', `/api/v1/accounts/${seed.accountA.id}?limit=500`, { token: seed.tokens.read })).json.timeline.items;
		expect(ids).toEqual(visits.map((i: { id: number }) => i.id));
		expect(visits.filter((i: { type: string }) => i.type === 'web_visit')).toHaveLength(130);
		const bad = await checked('GET', '/api/v1/accounts/{id}/timeline', `/api/v1/accounts/${seed.accountA.id}/timeline?cursor=zzzzzzzzzzzz.1`, { token: seed.tokens.read });
		expect(bad.status).toBe(422);
		expect(bad.json.error.field).toBe('cursor');
	});

	it('lists accounts by name with a keyset cursor and finds them by normalized domain', async () => {
		const found = await checked('GET', '/api/v1/accounts', '/api/v1/accounts?domain=' + encodeURIComponent('https://www.ACME.com/about'), { token: seed.tokens.read });
		expect(found.json.data.map((a: { id: string }) => a.id)).toEqual([seed.accountA.id]);
		const page = await checked('GET', '/api/v1/accounts', '/api/v1/accounts?limit=1', { token: seed.tokens.read });
		expect(page.json.data).toHaveLength(1);
	});

	it('answers 429 with Retry-After once a token has used its requests for the minute', async () => {
		const statuses: number[] = [];
		let limited: Awaited<ReturnType<typeof call>> | undefined;
		// The limit is 3 a minute; even across a minute boundary a 429 comes by the 7th request.
		for (let i = 0; i < 7 && !limited; i++) {
			const res = await checked('GET', '/api/v1/accounts', '/api/v1/accounts', { token: seed.tokens.limited });
			statuses.push(res.status);
			if (res.status === 429) limited = res;
		}
		expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
		expect(limited?.json.error.code).toBe('rate_limited');
		const retryAfter = Number(limited?.headers.get('retry-after'));
		expect(retryAfter).toBeGreaterThanOrEqual(1);
		expect(retryAfter).toBeLessThanOrEqual(60);
		expect(limited?.headers.get('ratelimit-limit')).toBe('3');
	});

	it('answers malformed requests with the right 4xx and a JSON error, never HTML', async () => {
		const post = (extra: Parameters<typeof call>[3]) => checked('POST', '/api/v1/activities', '/api/v1/activities', { token: seed.tokens.ingest, ...extra, headers: { 'Idempotency-Key': `bad-${Math.random()}`, ...extra?.headers } });
		const notJson = await post({ rawBody: 'type=call', headers: { 'Content-Type': 'text/plain' } });
		expect([notJson.status, notJson.json.error.code]).toEqual([415, 'unsupported_media_type']);
		const broken = await post({ rawBody: '{"activities": [', headers: { 'Content-Type': 'application/json' } });
		expect([broken.status, broken.json.error.code]).toEqual([400, 'invalid_json']);
		const huge = await post({ rawBody: JSON.stringify({ activities: [{ type: 'web_visit', occurredAt: '2026-01-01T00:00:00Z', accountExternalId: 'crm-acme', properties: { blob: 'x'.repeat(600_000) } }] }), headers: { 'Content-Type': 'application/json' } });
		expect([huge.status, huge.json.error.code]).toEqual([413, 'payload_too_large']);
		const wrongType = await post({ body: { activities: [{ type: 'fax_sent', occurredAt: '2026-01-01T00:00:00Z', accountExternalId: 'crm-acme' }] } });
		expect(wrongType.status).toBe(422);
		expect(wrongType.json.error.field).toBe('activities.0.type');
		expect(wrongType.json.error.message).toContain('web_visit');
		const tooMany = await post({ body: { activities: Array.from({ length: 1001 }, () => ({ type: 'web_visit', occurredAt: '2026-01-01T00:00:00Z', accountExternalId: 'crm-acme' })) } });
		expect([tooMany.status, tooMany.json.error.field]).toEqual([422, 'activities']);
		const nul = await post({ body: { activities: [{ type: 'web_visit', occurredAt: '2026-01-01T00:00:00Z', accountExternalId: 'crm-acme', properties: { note: 'a\u0000b' } }] } });
		expect([nul.status, nul.json.error.field]).toEqual([422, 'activities.0.properties.note']);

		const wrongMethod = await call(server.baseUrl, 'DELETE', '/api/v1/activities', { token: seed.tokens.ingest });
		expect([wrongMethod.status, wrongMethod.headers.get('allow'), wrongMethod.json.error.code]).toEqual([405, 'POST', 'method_not_allowed']);
		const noAccount = await checked('POST', '/api/v1/deals', '/api/v1/deals', { token: seed.tokens.write, body: { externalId: 'd-x', stage: 'proposal' } });
		expect([noAccount.status, noAccount.json.error.field]).toEqual([422, 'accountExternalId']);
		const nowhere = await call(server.baseUrl, 'GET', '/api/v1/nothing/here', { token: seed.tokens.read });
		expect([nowhere.status, nowhere.json.error.code]).toEqual([404, 'not_found']);
		const notUuid = await checked('GET', '/api/v1/accounts/{id}', '/api/v1/accounts/not-a-uuid', { token: seed.tokens.read });
		expect(notUuid.status).toBe(404);
		const badLimit = await checked('GET', '/api/v1/accounts', '/api/v1/accounts?limit=5000', { token: seed.tokens.read });
		expect([badLimit.status, badLimit.json.error.field]).toEqual([422, 'limit']);
		const unknownParam = await checked('GET', '/api/v1/accounts', '/api/v1/accounts?colour=blue', { token: seed.tokens.read });
		expect(unknownParam.status).toBe(422);
	});

	it('upserts accounts, contacts and deals by external id or natural key, one or a batch, with the write scope only', async () => {
		const account = { externalId: 'hs-1', name: 'Initech', domain: 'https://www.Initech.com/about' };
		expect((await checked('POST', '/api/v1/accounts', '/api/v1/accounts', { token: seed.tokens.read, body: account })).status).toBe(403);
		expect((await checked('POST', '/api/v1/accounts', '/api/v1/accounts', { token: seed.tokens.ingest, body: account })).status).toBe(403);
		const created = await checked('POST', '/api/v1/accounts', '/api/v1/accounts', { token: seed.tokens.write, body: account });
		expect(created.status).toBe(201);
		expect(created.json).toMatchObject({ action: 'created', data: { externalId: 'hs-1', name: 'Initech', domain: 'initech.com', lifecycle: 'lead', arr: 0 } });
		const updated = await checked('POST', '/api/v1/accounts', '/api/v1/accounts', { token: seed.tokens.write, body: { externalId: 'hs-1', arr: 5000 } });
		expect([updated.status, updated.json.action, updated.json.data.id, updated.json.data.name, updated.json.data.arr]).toEqual([200, 'updated', created.json.data.id, 'Initech', 5000]);
		const same = await checked('POST', '/api/v1/accounts', '/api/v1/accounts', { token: seed.tokens.write, body: { externalId: 'hs-1', arr: 5000 } });
		expect(same.json.action).toBe('unchanged');
		const byDomain = await checked('POST', '/api/v1/accounts', '/api/v1/accounts', { token: seed.tokens.write, body: { domain: 'initech.com', plan: 'pro' } });
		expect([byDomain.json.action, byDomain.json.data.id, byDomain.json.data.plan]).toEqual(['updated', created.json.data.id, 'pro']);
		const nameless = await checked('POST', '/api/v1/accounts', '/api/v1/accounts', { token: seed.tokens.write, body: { externalId: 'hs-new' } });
		expect([nameless.status, nameless.json.error.field]).toEqual([422, 'name']);

		const contacts = { contacts: [{ externalId: 'c-1', email: 'Ana@Initech.com', firstName: 'Ana', accountExternalId: 'hs-1' }, { email: 'bo@initech.com', firstName: 'Bo', accountDomain: 'initech.com' }] };
		const batch = await checked('POST', '/api/v1/contacts/batch', '/api/v1/contacts/batch', { token: seed.tokens.write, body: contacts });
		expect(batch.status).toBe(200);
		expect(batch.json).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
		const again = await checked('POST', '/api/v1/contacts/batch', '/api/v1/contacts/batch', { token: seed.tokens.write, body: contacts });
		expect(again.json).toMatchObject({ created: 0, unchanged: 2, results: batch.json.results.map((r: { id: string }) => ({ id: r.id, action: 'unchanged' })) });
		const bad = await checked('POST', '/api/v1/contacts/batch', '/api/v1/contacts/batch', { token: seed.tokens.write, body: { contacts: [{ externalId: 'c-9', firstName: 'Cy' }, { firstName: 'Di', accountExternalId: 'nope' }] } });
		expect([bad.status, bad.json.error.field]).toEqual([422, 'contacts.1.accountExternalId']);
		const cy = await checked('POST', '/api/v1/contacts', '/api/v1/contacts', { token: seed.tokens.write, body: { externalId: 'c-9', firstName: 'Cy' } });
		expect([cy.status, cy.json.action, cy.json.data.firstName]).toEqual([201, 'created', 'Cy']);

		const dealBody = { externalId: 'd-1', name: 'Initech pilot', accountExternalId: 'hs-1', stage: 'discovery', amount: 1000, openedOn: '2026-02-01' };
		const dealCreated = await checked('POST', '/api/v1/deals', '/api/v1/deals', { token: seed.tokens.write, body: dealBody });
		expect(dealCreated.json).toMatchObject({ action: 'created', data: { name: 'Initech pilot', stage: 'discovery', outcome: 'open', amount: 1000, accountId: created.json.data.id } });
		const deals = await checked('POST', '/api/v1/deals/batch', '/api/v1/deals/batch', { token: seed.tokens.write, body: { deals: [{ externalId: 'd-1', accountExternalId: 'hs-1', stage: 'closed_won' }] } });
		expect(deals.json).toMatchObject({ updated: 1, results: [{ id: dealCreated.json.data.id, action: 'updated' }] });
		const badDate = await checked('POST', '/api/v1/deals', '/api/v1/deals', { token: seed.tokens.write, body: { ...dealBody, closeOn: '2026-01-01' } });
		expect([badDate.status, badDate.json.error.field]).toEqual([422, 'closeOn']);
	});

	it('upserts stay in the token’s workspace: the same external id in B is another account', async () => {
		const inB = await checked('POST', '/api/v1/accounts', '/api/v1/accounts', { token: seed.tokens.allB, body: { externalId: 'crm-acme', name: 'Hijacked', domain: 'acme.com' } });
		expect([inB.status, inB.json.action]).toEqual([201, 'created']);
		expect(inB.json.data.id).not.toBe(seed.accountA.id);
		const a = await checked('GET', '/api/v1/accounts/{id}', `/api/v1/accounts/${seed.accountA.id}`, { token: seed.tokens.read });
		expect(a.json.data.name).toBe('Acme');
		const contactInB = await checked('POST', '/api/v1/contacts', '/api/v1/contacts', { token: seed.tokens.allB, body: { firstName: 'Eve', accountExternalId: 'crm-acme' } });
		expect(contactInB.json.data.accountId).toBe(inB.json.data.id);
	});

	it('merges two contacts through the API, in the token’s workspace only, with the write scope', async () => {
		const make = (externalId: string, firstName: string, title?: string) =>
			checked('POST', '/api/v1/contacts', '/api/v1/contacts', { token: seed.tokens.write, body: { externalId, firstName, lastName: 'Merge', email: `${externalId}@acme.com`, accountExternalId: 'crm-acme', ...(title ? { title } : {}) } });
		const keep = (await make('m-1', 'Ana')).json.data.id;
		const lose = (await make('m-2', 'Anna', 'CFO')).json.data.id;
		const body = { survivorId: keep, loserId: lose, choices: { firstName: 'loser' } };
		const path = '/api/v1/contacts/merge';
		expect((await checked('POST', path, path, { token: seed.tokens.read, body })).status).toBe(403);
		expect((await checked('POST', path, path, { token: seed.tokens.allB, body })).json.error.code).toBe('not_found');
		const same = await checked('POST', path, path, { token: seed.tokens.write, body: { ...body, loserId: keep } });
		expect([same.status, same.json.error.field]).toEqual([422, 'loserId']);
		const merged = await checked('POST', path, path, { token: seed.tokens.write, body });
		expect(merged.status).toBe(200);
		expect(merged.json).toMatchObject({ survivorId: keep, moved: { activities: 0, notes: 0, tasks: 0, tags: 0 } });
		const again = await checked('POST', path, path, { token: seed.tokens.write, body });
		expect([again.status, again.json.error.code]).toEqual([404, 'not_found']);
		const survivor = await checked('POST', '/api/v1/contacts', '/api/v1/contacts', { token: seed.tokens.write, body: { externalId: 'm-1', firstName: 'Anna' } });
		expect([survivor.json.action, survivor.json.data.title]).toEqual(['unchanged', 'CFO']);
	});

	it('sends signed webhooks from the app process after an API change commits', async () => {
		const before = receiver.received.length;
		const created = await checked('POST', '/api/v1/accounts', '/api/v1/accounts', { token: seed.tokens.write, body: { externalId: 'hook-1', name: 'Hooli' } });
		await checked('POST', '/api/v1/deals', '/api/v1/deals', { token: seed.tokens.write, body: { externalId: 'hook-d', name: 'Hooli deal', accountExternalId: 'hook-1', stage: 'discovery' } });
		await checked('POST', '/api/v1/deals', '/api/v1/deals', { token: seed.tokens.write, body: { externalId: 'hook-d', accountExternalId: 'hook-1', stage: 'negotiation' } });
		const seen = () => receiver.received.slice(before).map((r) => JSON.parse(r.body));
		const arrived = async (type: string, match: (data: any) => boolean) => {
			while (!seen().some((e) => e.type === type && match(e.data))) await receiver.waitFor(receiver.received.length + 1);
			return receiver.received.slice(before).find((r) => { const e = JSON.parse(r.body); return e.type === type && match(e.data); })!;
		};
		const accountHook = await arrived('account.created', (d) => d.account.id === created.json.data.id);
		const stageHook = await arrived('deal.stage_changed', (d) => d.deal.name === 'Hooli deal');
		expect(JSON.parse(stageHook.body).data).toMatchObject({ fromStage: 'discovery', toStage: 'negotiation' });
		for (const hook of [accountHook, stageHook]) {
			const headers = { signature: String(hook.headers['signalroom-signature']), timestamp: String(hook.headers['signalroom-timestamp']) };
			expect(verifyWebhook(seed.webhookSecret, headers, hook.body, Math.floor(Date.now() / 1000))).toBe(true);
		}
	});
});
