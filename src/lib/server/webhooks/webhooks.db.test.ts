import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../../tests/databases';
import { makeAccount, makeUser, makeWorkspace } from '../../../../tests/factories';
import { startReceiver } from '../../../../tests/webhookReceiver';
import type { OpenDatabase } from '../db/index';
import { createAccount, updateAccount } from '../accounts';
import { createDeal, updateDeal } from '../deals';
import { createWebhookEndpoint, listDeliveryAttempts, listRecentDeliveries, updateWebhookEndpoint } from './endpoints';
import { deliverDueWebhooks, redeliverWebhook } from './deliverWebhooks';
import { verifyWebhook } from './signature';
import { listAuditEntries } from '../audit';
import type { AccountInput, DealInput } from '../../domain/crm/inputs';

const accountInput = (fields: Partial<AccountInput> = {}): AccountInput => ({ name: 'Acme', domain: null, industry: null, size: null, ownerId: null, lifecycle: 'lead', plan: null, arr: 0, externalId: null, ...fields });

describe.each(testDatabases())('outbound webhooks on $name', ({ open }) => {
	let store: OpenDatabase;
	let admin: { userId: string; name: string };
	beforeAll(async () => {
		store = await open();
		const u = await makeUser(store.db, { name: 'Hook Admin' });
		admin = { userId: u.id, name: u.name };
	});
	afterAll(() => store.close());

	it('does not send to a private address unless allowed, and logs why', async () => {
		const receiver = await startReceiver(() => 200);
		const saved = process.env.WEBHOOK_ALLOW_PRIVATE;
		const ws = (await makeWorkspace(store.db)).id;
		let endpoint: { id: string } | undefined;
		try {
			endpoint = await createWebhookEndpoint(store.db, ws, admin, { url: receiver.url, description: null, events: ['account.created'] });
			await createAccount(store.db, ws, accountInput({ name: 'Initech' }));
			delete process.env.WEBHOOK_ALLOW_PRIVATE;
			expect(await deliverDueWebhooks(store.db)).toBe(1);
			expect(receiver.received).toHaveLength(0);
			const [delivery] = await listRecentDeliveries(store.db, ws);
			expect(delivery).toMatchObject({ status: 'pending', lastStatusCode: null });
			expect(delivery.lastError).toMatch(/^Not sent: 127\.0\.0\.1 is a private or local network address/);
		} finally {
			process.env.WEBHOOK_ALLOW_PRIVATE = saved;
			// Paused, so its retry does not reach the other tests' deliveries.
			if (endpoint) await updateWebhookEndpoint(store.db, ws, admin, endpoint.id, { enabled: false });
			await receiver.close();
		}
	});

	it('signs each delivery, retries after a 500 with backoff, logs every attempt, and redelivers on request', async () => {
		const receiver = await startReceiver((n) => (n === 1 ? 500 : 200));
		try {
			const ws = (await makeWorkspace(store.db)).id;
			const { secret } = await createWebhookEndpoint(store.db, ws, admin, { url: receiver.url, description: null, events: ['account.created', 'account.updated'] });
			const id = await createAccount(store.db, ws, accountInput({ name: 'Globex', domain: 'globex.com' }));

			const t0 = new Date();
			expect(await deliverDueWebhooks(store.db, { now: t0 })).toBe(1);
			expect(receiver.received).toHaveLength(1);
			const [first] = await listRecentDeliveries(store.db, ws);
			expect(first).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500, eventType: 'account.created' });
			expect(first.nextAttemptAt.getTime()).toBe(t0.getTime() + 30_000);
			// Not due yet: nothing is sent before the backoff has passed.
			expect(await deliverDueWebhooks(store.db, { now: new Date(t0.getTime() + 29_000) })).toBe(0);
			expect(await deliverDueWebhooks(store.db, { now: new Date(t0.getTime() + 30_000) })).toBe(1);
			expect(receiver.received).toHaveLength(2);
			expect((await listRecentDeliveries(store.db, ws))[0]).toMatchObject({ status: 'succeeded', attempts: 2, lastStatusCode: 200 });
			expect((await listDeliveryAttempts(store.db, ws, first.id)).map((a) => a.statusCode)).toEqual([500, 200]);

			const hook = receiver.received[1];
			const signed = { signature: String(hook.headers['signalroom-signature']), timestamp: String(hook.headers['signalroom-timestamp']) };
			expect(verifyWebhook(secret, signed, hook.body, Math.floor(Date.now() / 1000))).toBe(true);
			expect(verifyWebhook(secret, signed, hook.body.replace('Globex', 'Gl0bex'), Math.floor(Date.now() / 1000))).toBe(false);
			expect(verifyWebhook('whsec_other', signed, hook.body, Math.floor(Date.now() / 1000))).toBe(false);
			expect(hook.headers['signalroom-event']).toBe('account.created');
			const body = JSON.parse(hook.body);
			expect(body).toMatchObject({ type: 'account.created', workspaceId: ws, data: { account: { id, name: 'Globex', domain: 'globex.com' } } });
			// Retries send the very same event.
			expect(receiver.received[0].body).toBe(hook.body);

			const again = await redeliverWebhook(store.db, ws, first.id);
			expect(again).not.toBeNull();
			expect(await redeliverWebhook(store.db, (await makeWorkspace(store.db)).id, first.id)).toBeNull();
			expect(await deliverDueWebhooks(store.db)).toBe(1);
			expect(JSON.parse(receiver.received[2].body).id).toBe(body.id);

			await updateAccount(store.db, ws, id, accountInput({ name: 'Globex Corp', domain: 'globex.com' }));
			await deliverDueWebhooks(store.db);
			expect(JSON.parse(receiver.received[3].body)).toMatchObject({ type: 'account.updated', data: { account: { id, name: 'Globex Corp' } } });
		} finally {
			await receiver.close();
		}
	});

	it('queues events only for subscribed, active endpoints of the same workspace, and only when the change commits', async () => {
		const receiver = await startReceiver();
		try {
			const ws = (await makeWorkspace(store.db)).id;
			const other = (await makeWorkspace(store.db)).id;
			const owner = await makeUser(store.db, { workspaceId: ws });
			const dealsOnly = await createWebhookEndpoint(store.db, ws, admin, { url: receiver.url, description: null, events: ['deal.stage_changed'] });
			await createWebhookEndpoint(store.db, other, admin, { url: receiver.url, description: null, events: ['account.created', 'deal.stage_changed'] });
			const acct = await makeAccount(store.db, ws);
			await createAccount(store.db, ws, accountInput());
			const dealInput = (stage: DealInput['stage']): DealInput => ({ name: 'Renewal', accountId: acct.id, stage, amount: 1000, ownerId: owner.id, openedOn: '2026-01-01', closeOn: null, externalId: null });
			const dealId = await createDeal(store.db, ws, dealInput('discovery'));
			await updateDeal(store.db, ws, dealId, dealInput('discovery'));
			await updateDeal(store.db, ws, dealId, dealInput('proposal'));
			expect(await deliverDueWebhooks(store.db)).toBe(1);
			await updateWebhookEndpoint(store.db, ws, admin, dealsOnly.id, { enabled: false });
			await updateDeal(store.db, ws, dealId, dealInput('negotiation'));
			await expect(store.db.transaction(async (tx) => {
				await updateDeal(tx, ws, dealId, dealInput('closed_won'));
				throw new Error('rolled back');
			})).rejects.toThrow('rolled back');

			// Nothing happening while paused is queued for it; the rolled-back change never existed.
			await updateWebhookEndpoint(store.db, ws, admin, dealsOnly.id, { enabled: true });
			expect(await deliverDueWebhooks(store.db)).toBe(0);
			expect(receiver.received.map((r) => JSON.parse(r.body).data.toStage)).toEqual(['proposal']);
			expect(JSON.parse(receiver.received[0].body)).toMatchObject({ type: 'deal.stage_changed', data: { fromStage: 'discovery', toStage: 'proposal', deal: { id: dealId } } });
			expect(await listRecentDeliveries(store.db, other)).toEqual([]);
			expect((await listAuditEntries(store.db, ws)).map((e) => e.action)).toEqual(['webhook.update', 'webhook.update', 'webhook.create']);
		} finally {
			await receiver.close();
		}
	});
});
