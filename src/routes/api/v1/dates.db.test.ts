/**
 * The REST API's date fields and timeline cursors, through the real route handlers: a date the
 * database cannot store (year 0000, past 9999) or that does not exist is a 422 naming the field,
 * never a 500 internal_error (calendarDate.ts).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDatabases } from '../../../../tests/databases';
import { makeAccount, makeActivities, makeUser, makeWorkspace } from '../../../../tests/factories';
import type { Database, OpenDatabase } from '$lib/server/db/index';
import { activity, deal } from '$lib/server/db/schema';
import { createApiToken } from '$lib/server/api/apiTokens';

let current: Database;
vi.mock('$lib/server/db/app', () => ({ useDatabase: async () => current }));

const activitiesRoute = await import('./activities/+server');
const dealsRoute = await import('./deals/+server');
const accountRoute = await import('./accounts/[id]/+server');
const timelineRoute = await import('./accounts/[id]/timeline/+server');

type Anything = never;
type ApiBody = { error?: { code: string; message: string; field?: string } };

describe.each(testDatabases())('REST API dates ($name)', ({ open }) => {
	let store: OpenDatabase;
	let ws: string;
	let secret: string;
	let accountId: string;
	let keys = 0;
	const event = (method: string, path: string, params: Record<string, string> = {}, body?: unknown) => {
		const url = new URL(`http://localhost${path}`);
		const headers: Record<string, string> = { authorization: `Bearer ${secret}`, 'idempotency-key': `dates-${keys++}` };
		if (body !== undefined) headers['content-type'] = 'application/json';
		const request = new Request(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
		return { url, params, request, locals: {} } as Anything;
	};
	const answer = async (response: Response) => ({ status: response.status, body: (await response.json()) as ApiBody });

	beforeAll(async () => {
		store = await open();
		current = store.db;
		ws = (await makeWorkspace(store.db)).id;
		const admin = await makeUser(store.db, { workspaceId: ws, role: 'admin' });
		({ secret } = await createApiToken(store.db, ws, { userId: admin.id, name: admin.name }, { name: 'dates', scopes: ['read', 'write', 'ingest'], ratePerMinute: 10_000 }));
		accountId = (await makeAccount(store.db, ws, { name: 'Abshire and Sons', domain: 'abshire.co' })).id;
		await makeActivities(store.db, ws, accountId, [{ type: 'call_logged', at: '2026-01-05T10:00:00Z' }]);
	});
	afterAll(() => store.close());

	it('refuses an activity at year 0000, past 2999 or on a day that does not exist with 422 on its occurredAt', async () => {
		for (const occurredAt of ['0000-01-01T00:00:00Z', '9999-12-31T00:00:00Z', '2026-02-30T10:00:00Z']) {
			const { status, body } = await answer(await activitiesRoute.POST(event('POST', '/api/v1/activities', {}, { activities: [{ type: 'pricing_visit', occurredAt, accountId }] })));
			expect([status, body.error?.code, body.error?.field], occurredAt).toEqual([422, 'validation_failed', 'activities.0.occurredAt']);
		}
		const { body } = await answer(await activitiesRoute.POST(event('POST', '/api/v1/activities', {}, { activities: [{ type: 'pricing_visit', occurredAt: '0000-01-01T00:00:00Z', accountId }] })));
		expect(body.error?.message).toBe('activities.0.occurredAt: occurredAt must be a real date and time between 1900 and 2999, like 2026-03-31T14:05:00Z.');
		expect(await store.db.$count(activity, eq(activity.workspaceId, ws))).toBe(1);
		const ok = await activitiesRoute.POST(event('POST', '/api/v1/activities', {}, { activities: [{ type: 'pricing_visit', occurredAt: '1900-01-01T00:00:00Z', accountId }] }));
		expect(ok.status).toBe(201);
	});

	it('refuses a deal opened in year 0000 with 422 on openedOn', async () => {
		for (const openedOn of ['0000-01-01', '9999-12-31']) {
			const { status, body } = await answer(await dealsRoute.POST(event('POST', '/api/v1/deals', {}, { name: 'QA deal', accountDomain: 'abshire.co', openedOn })));
			expect([status, body.error], openedOn).toEqual([422, { code: 'validation_failed', field: 'openedOn', message: 'openedOn: openedOn must be a real date between 1900 and 2999, like 2026-03-31.' }]);
		}
		expect(await store.db.$count(deal, eq(deal.workspaceId, ws))).toBe(0);
	});

	it('answers a cursor far in the future with its 422, on the timeline and the account', async () => {
		for (const response of [
			await timelineRoute.GET(event('GET', `/api/v1/accounts/${accountId}/timeline?cursor=zzzzzzzzzz.1`, { id: accountId })),
			await accountRoute.GET(event('GET', `/api/v1/accounts/${accountId}?cursor=zzzzzzzzzz.1`, { id: accountId }))
		]) {
			const { status, body } = await answer(response);
			expect([status, body.error?.code, body.error?.field]).toEqual([422, 'validation_failed', 'cursor']);
			expect(body.error?.message).toContain('not a timeline cursor this API gave out');
		}
	});
});
