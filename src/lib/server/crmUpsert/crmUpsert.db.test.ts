import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { testDatabases } from '../../../../tests/databases';
import { makeAccount, makeWorkspace } from '../../../../tests/factories';
import type { OpenDatabase } from '../db/index';
import { account, activity, contact, deal } from '../db/schema';
import type { AccountRecord, ActivityRecord, ContactRecord, DealRecord } from '../../domain/import/records';
import { countOutcomes, upsertAccounts, upsertActivities, upsertContacts, upsertDeals } from './index';

const acct = (f: Partial<AccountRecord>): AccountRecord => ({
	externalId: null, name: null, domain: null, industry: null, size: null, lifecycle: null, plan: null, arr: null, ...f
});
const person = (f: Partial<ContactRecord>): ContactRecord => ({
	externalId: null, firstName: null, lastName: null, email: null, title: null, lifecycle: null, account: null, ...f
});
const ref = (f: { externalId?: string; domain?: string; name?: string }) => ({ externalId: f.externalId ?? null, domain: f.domain ?? null, name: f.name ?? null });

describe.each(testDatabases())('CRM upsert core on $name', ({ open }) => {
	let store: OpenDatabase;
	beforeAll(async () => {
		store = await open();
	});
	afterAll(() => store.close());

	it('creates accounts, then matches them by external id or domain; a repeat changes nothing', async () => {
		const ws = (await makeWorkspace(store.db)).id;
		const batch = [
			acct({ externalId: 'c-1', name: 'Acme', domain: 'acme.com', lifecycle: 'customer', arr: 12000 }),
			acct({ name: 'Globex', domain: 'globex.io' })
		];
		const first = await upsertAccounts(store.db, ws, batch);
		expect(countOutcomes(first)).toEqual({ created: 2, updated: 0, unchanged: 0, errors: 0 });
		expect(countOutcomes(await upsertAccounts(store.db, ws, batch))).toEqual({ created: 0, updated: 0, unchanged: 2, errors: 0 });

		const again = await upsertAccounts(store.db, ws, [
			acct({ externalId: 'g-9', domain: 'globex.io', industry: 'Software' }),
			acct({ externalId: 'c-1', arr: 15000 })
		]);
		expect(again.map((o) => o.status)).toEqual(['updated', 'updated']);
		expect(again[0]).toMatchObject({ id: first[1].status !== 'error' ? first[1].id : '' });
		const rows = await store.db.select().from(account).where(eq(account.workspaceId, ws)).orderBy(account.name);
		expect(rows.map((r) => [r.name, r.externalId, r.domain, r.industry, r.arr, r.lifecycle])).toEqual([
			['Acme', 'c-1', 'acme.com', null, 15000, 'customer'],
			['Globex', 'g-9', 'globex.io', 'Software', 0, 'lead']
		]);
	});

	it('never matches or changes another workspace’s records', async () => {
		const mine = (await makeWorkspace(store.db)).id;
		const theirs = (await makeWorkspace(store.db)).id;
		const their = await makeAccount(store.db, theirs, { name: 'Theirs', externalId: 'same-id', domain: 'shared.com' });
		const outcomes = await upsertAccounts(store.db, mine, [acct({ externalId: 'same-id', name: 'Mine', domain: 'shared.com' })]);
		expect(outcomes[0].status).toBe('created');
		const [still] = await store.db.select().from(account).where(eq(account.id, their.id));
		expect(still.name).toBe('Theirs');
		const contacts = await upsertContacts(store.db, mine, [person({ firstName: 'Ann', account: ref({ name: 'Theirs' }) })]);
		expect(contacts[0]).toEqual({ status: 'error', field: 'accountName', message: expect.stringContaining('no account with name "Theirs"') });
	});

	it('matches contacts by external id, then email, and links them to accounts by external id, domain or name', async () => {
		const ws = (await makeWorkspace(store.db)).id;
		await upsertAccounts(store.db, ws, [acct({ externalId: 'A1', name: 'Acme', domain: 'acme.com' }), acct({ name: 'Initech' })]);
		const existing = await upsertContacts(store.db, ws, [person({ firstName: 'Old', email: 'ann@acme.com' })]);
		const outcomes = await upsertContacts(store.db, ws, [
			person({ externalId: 'p-1', firstName: 'Ann', lastName: 'Lee', email: 'ann@acme.com', lifecycle: 'mql', account: ref({ externalId: 'A1' }) }),
			person({ externalId: 'p-2', firstName: 'Bo', email: 'bo@initech.com', account: ref({ name: 'Initech' }) }),
			person({ externalId: 'p-3', firstName: 'Cy', account: ref({ domain: 'acme.com' }) }),
			person({ externalId: 'p-4', firstName: 'Di', account: ref({ domain: 'nowhere.org' }) }),
			person({ externalId: 'p-5', email: 'new@acme.com' }),
			person({ externalId: 'p-6', firstName: 'Ed', email: 'bo@initech.com' })
		]);
		expect(outcomes.map((o) => o.status)).toEqual(['updated', 'created', 'created', 'error', 'error', 'error']);
		expect(outcomes[0]).toMatchObject({ id: (existing[0] as { id: string }).id });
		expect(outcomes[3]).toMatchObject({ field: 'accountDomain', message: expect.stringContaining('domain nowhere.org') });
		expect(outcomes[4]).toMatchObject({ field: 'firstName' });
		expect(outcomes[5]).toMatchObject({ field: 'email', message: 'has the same email as item 2 of this batch; a contact can appear once per batch' });
		const [ann] = await store.db.select().from(contact).where(and(eq(contact.workspaceId, ws), eq(contact.email, 'ann@acme.com')));
		expect(ann).toMatchObject({ firstName: 'Ann', lastName: 'Lee', externalId: 'p-1', lifecycle: 'mql' });
		expect(ann.accountId).not.toBeNull();
		// The same rows again: nothing to do.
		const repeat = await upsertContacts(store.db, ws, [
			person({ externalId: 'p-1', firstName: 'Ann', lastName: 'Lee', email: 'ann@acme.com', lifecycle: 'mql', account: ref({ externalId: 'A1' }) }),
			person({ externalId: 'p-2', firstName: 'Bo', email: 'bo@initech.com', account: ref({ name: 'Initech' }) })
		]);
		expect(countOutcomes(repeat)).toEqual({ created: 0, updated: 0, unchanged: 2, errors: 0 });
	});

	it('upserts deals by external id or by name on the account, keeping the outcome in step with the stage', async () => {
		const ws = (await makeWorkspace(store.db)).id;
		await upsertAccounts(store.db, ws, [acct({ externalId: 'A1', name: 'Acme' })]);
		const deal1 = (f: Partial<DealRecord>): DealRecord => ({
			externalId: null, name: 'Renewal 2026', stage: 'proposal', amount: 5000, openedOn: '2026-01-05', closeOn: '2026-03-31', account: ref({ externalId: 'A1' }), ...f
		});
		expect((await upsertDeals(store.db, ws, [deal1({ externalId: 'D1' }), deal1({ name: 'Expansion' })])).map((o) => o.status)).toEqual(['created', 'created']);
		const next = await upsertDeals(store.db, ws, [deal1({ externalId: 'D1', stage: 'closed_won' }), deal1({ name: 'Expansion' }), deal1({ account: ref({ externalId: 'nope' }) })]);
		expect(next.map((o) => o.status)).toEqual(['updated', 'unchanged', 'error']);
		const rows = await store.db.select().from(deal).where(eq(deal.workspaceId, ws)).orderBy(deal.name);
		expect(rows.map((r) => [r.name, r.stage, r.outcome, r.openedOn])).toEqual([
			['Expansion', 'proposal', 'open', '2026-01-05'],
			['Renewal 2026', 'closed_won', 'won', '2026-01-05']
		]);
	});

	it('adds activities once: a re-import by external id or the same event again is unchanged', async () => {
		const ws = (await makeWorkspace(store.db)).id;
		await upsertAccounts(store.db, ws, [acct({ externalId: 'A1', name: 'Acme', domain: 'acme.com' })]);
		await upsertContacts(store.db, ws, [person({ firstName: 'Ann', email: 'ann@acme.com' })]);
		const batch: ActivityRecord[] = [
			{ externalId: 'T1', type: 'call_logged', occurredAt: '2026-02-01T10:00:00.000Z', department: null, account: ref({ externalId: 'A1' }), contact: { externalId: null, email: 'ann@acme.com' }, properties: { subject: 'Intro' } },
			{ externalId: null, type: 'web_visit', occurredAt: '2026-02-02T10:00:00.000Z', department: null, account: ref({ domain: 'acme.com' }), contact: null, properties: {} },
			{ externalId: null, type: 'web_visit', occurredAt: '2026-02-02T10:00:00.000Z', department: null, account: ref({ domain: 'acme.com' }), contact: { externalId: 'ghost', email: null }, properties: {} }
		];
		const first = await upsertActivities(store.db, ws, batch);
		expect(first.map((o) => o.status)).toEqual(['created', 'created', 'error']);
		expect(first[2]).toMatchObject({ field: 'contactExternalId' });
		expect((await upsertActivities(store.db, ws, batch.slice(0, 2))).map((o) => o.status)).toEqual(['unchanged', 'unchanged']);
		const rows = await store.db.select().from(activity).where(eq(activity.workspaceId, ws)).orderBy(activity.occurredAt);
		expect(rows.map((r) => [r.type, r.department, r.externalId, r.properties, r.contactId !== null])).toEqual([
			['call_logged', 'sales', 'T1', { subject: 'Intro' }, true],
			['web_visit', 'marketing', null, {}, false]
		]);
	});
});
