import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { testDatabases } from '../../../../tests/databases';
import { makeWorkspace } from '../../../../tests/factories';
import type { OpenDatabase } from '../db/index';
import { account, activity, contact, deal } from '../db/schema';
import type { ImportEntity } from '../../domain/import/fields';
import { profileFile } from './profileFile';
import { preparePlan } from './preparePlan';
import { runImportFile, type RunOptions } from './runImportFile';

const fixture = (name: string) => path.resolve('tests/fixtures/import', name);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'import-test-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const writeCsv = (name: string, text: string) => {
	const file = path.join(tmp, name);
	fs.writeFileSync(file, text);
	return file;
};

async function planFor(file: string, entity: ImportEntity) {
	return preparePlan(entity, await profileFile(file));
}

describe.each(testDatabases())('CSV import path on $name', ({ open }) => {
	let store: OpenDatabase;
	beforeAll(async () => {
		store = await open();
	});
	afterAll(() => store.close());

	const run = async (ws: string, file: string, entity: ImportEntity, extra: Partial<RunOptions> = {}) =>
		runImportFile({ db: store.db, workspaceId: ws, filePath: file, plan: await planFor(file, entity), mode: 'import', ...extra });

	it('imports a HubSpot export, reports each bad row by column and reason, and a re-import changes nothing', async () => {
		const ws = (await makeWorkspace(store.db)).id;
		const companies = await run(ws, fixture('hubspot-companies.csv'), 'accounts');
		expect(companies.counts).toEqual({ created: 3, updated: 0, unchanged: 0, duplicates: 1, errors: 0 });
		expect(companies.issues).toEqual([
			expect.objectContaining({ rowNumber: 5, kind: 'duplicate', reason: 'same domain northwind.example as row 2; skipped' })
		]);
		const northwind = (await store.db.select().from(account).where(and(eq(account.workspaceId, ws), eq(account.externalId, '9001'))))[0];
		expect(northwind).toMatchObject({ name: 'Northwind Traders', domain: 'northwind.example', size: '201-1000', arr: 48000, lifecycle: 'customer' });

		const file = fixture('hubspot-contacts.csv');
		const dry = await run(ws, file, 'contacts', { mode: 'dry_run' });
		expect(dry.counts).toEqual({ created: 5, updated: 0, unchanged: 0, duplicates: 1, errors: 1 });
		expect(await store.db.select().from(contact).where(eq(contact.workspaceId, ws))).toEqual([]);
		expect(dry.issues.map(({ rowNumber, kind, column, reason }) => ({ rowNumber, kind, column, reason }))).toEqual([
			{ rowNumber: 5, kind: 'error', column: 'Email', reason: '"dev.patel@contoso" is not an email address (expected name@company.com)' },
			{ rowNumber: 8, kind: 'duplicate', column: '', reason: 'same email ann.lee@northwind.example as row 2; skipped' }
		]);
		expect(dry.issues[0].cells.slice(0, 4)).toEqual(['51004', 'Dev', 'Patel', 'dev.patel@contoso']);
		expect((await profileFile(file)).headers.slice(0, 2)).toEqual(['Record ID', 'First Name']);

		const real = await run(ws, file, 'contacts');
		expect(real.counts).toEqual(dry.counts);
		const people = await store.db.select().from(contact).where(eq(contact.workspaceId, ws)).orderBy(contact.externalId);
		expect(people.map((p) => [p.externalId, p.firstName, p.email, p.lifecycle, p.title, p.accountId === northwind.id])).toEqual([
			['51001', 'Ann', 'ann.lee@northwind.example', 'mql', 'VP Sales', true],
			['51002', 'Bo', 'bo.kim@northwind.example', 'sql', null, true],
			['51003', 'Cara', 'cara@contoso.example', 'customer', 'Head of "Growth"', false],
			['51005', 'Eve', 'eve@fabrikam.example', 'subscriber', 'Ops\nand Finance', false],
			['51007', 'Gus', 'gus@fabrikam.example', 'customer', 'CTO, Fabrikam', false]
		]);

		const again = await run(ws, file, 'contacts');
		expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 5, duplicates: 1, errors: 1 });
		expect(await store.db.$count(contact, eq(contact.workspaceId, ws))).toBe(5);
	});

	it('detects day-first dates in a Salesforce export and refuses deals whose account or date is wrong', async () => {
		const ws = (await makeWorkspace(store.db)).id;
		await run(ws, fixture('hubspot-companies.csv'), 'accounts');
		const file = fixture('salesforce-opportunities.csv');
		const plan = await planFor(file, 'deals');
		expect(plan).toMatchObject({ preset: 'salesforce', dateFormats: { closeOn: 'dmy', openedOn: 'iso' } });
		const result = await run(ws, file, 'deals');
		expect(result.counts).toEqual({ created: 3, updated: 0, unchanged: 0, duplicates: 0, errors: 2 });
		expect(result.issues.map(({ rowNumber, column, reason }) => ({ rowNumber, column, reason }))).toEqual([
			{ rowNumber: 5, column: 'AccountId', reason: 'no account with external id 9999 in this workspace; import or create the account first' },
			{ rowNumber: 6, column: 'CloseDate', reason: '"31/02/2024" is not a real date between 1900 and 2999 in the format Day first (31/3/2026)' }
		]);
		const deals = await store.db.select().from(deal).where(eq(deal.workspaceId, ws)).orderBy(deal.externalId);
		expect(deals.map((d) => [d.name, d.stage, d.outcome, d.amount, d.openedOn, d.closeOn])).toEqual([
			['Northwind renewal', 'negotiation', 'open', 48000, '2024-01-10', '2024-03-31'],
			['Contoso pilot', 'discovery', 'open', 12500, '2024-02-01', '2024-04-15'],
			['Fabrikam expansion', 'closed_won', 'won', 7500, '2024-01-05', '2024-02-01']
		]);
	});

	it('refuses a date the database cannot store (year 0000 or past 2999) as a row error, in deals and activities alike, and imports the other rows', async () => {
		const ws = (await makeWorkspace(store.db)).id;
		await run(ws, fixture('hubspot-companies.csv'), 'accounts');
		const deals = writeCsv(
			'deal-years.csv',
			['name,account domain,stage,amount,opened on,close date', 'D0,northwind.example,qualification,100,0000-01-01,', 'D1,northwind.example,qualification,100,2026-01-05,', 'D2,northwind.example,qualification,100,2026-01-05,9999-12-31'].join('\n')
		);
		const dry = await run(ws, deals, 'deals', { mode: 'dry_run' });
		expect(dry.outcome).toBe('done');
		expect(dry.counts).toMatchObject({ created: 1, errors: 2 });
		expect(dry.issues.map(({ rowNumber, column, reason }) => ({ rowNumber, column, reason }))).toEqual([
			{ rowNumber: 2, column: 'opened on', reason: '"0000-01-01" is not a real date between 1900 and 2999 in the format ISO (2026-03-31)' },
			{ rowNumber: 4, column: 'close date', reason: '"9999-12-31" is not a real date between 1900 and 2999 in the format ISO (2026-03-31)' }
		]);
		expect((await run(ws, deals, 'deals')).counts).toMatchObject({ created: 1, errors: 2 });
		expect((await store.db.select().from(deal).where(eq(deal.workspaceId, ws))).map((d) => [d.name, d.openedOn])).toEqual([['D1', '2026-01-05']]);

		const events = writeCsv('activity-years.csv', ['type,occurred_at,account domain,subject', 'call_logged,0000-01-01T00:00:00Z,northwind.example,Old', 'call_logged,2026-01-05T10:00:00Z,northwind.example,New'].join('\n'));
		const imported = await run(ws, events, 'activities');
		expect(imported.counts).toMatchObject({ created: 1, errors: 1 });
		expect(imported.issues.map(({ rowNumber, column, reason }) => ({ rowNumber, column, reason }))).toEqual([
			{ rowNumber: 2, column: 'occurred_at', reason: '"0000-01-01T00:00:00Z" is not a real date between 1900 and 2999 in the format ISO (2026-03-31)' }
		]);
		expect((await store.db.select().from(activity).where(eq(activity.workspaceId, ws))).map((e) => e.occurredAt.toISOString())).toEqual(['2026-01-05T10:00:00.000Z']);
	});

	it('imports Salesforce tasks onto timelines once', async () => {
		const ws = (await makeWorkspace(store.db)).id;
		await run(ws, fixture('hubspot-companies.csv'), 'accounts');
		await run(ws, fixture('hubspot-contacts.csv'), 'contacts');
		const first = await run(ws, fixture('salesforce-tasks.csv'), 'activities');
		expect(first.counts).toMatchObject({ created: 3, errors: 0 });
		expect((await run(ws, fixture('salesforce-tasks.csv'), 'activities')).counts).toMatchObject({ created: 0, unchanged: 3 });
		const events = await store.db.select().from(activity).where(eq(activity.workspaceId, ws)).orderBy(activity.occurredAt);
		expect(events.map((e) => [e.type, e.properties, e.contactId !== null])).toEqual([
			['call_logged', { subject: 'Discovery call', details: 'Talked pricing; asked about "enterprise" SSO' }, true],
			['email_sent', { subject: 'Sent proposal' }, false],
			['meeting_held', { subject: 'Quarterly review' }, true]
		]);
	});

	it('all or nothing: one bad row and no row is saved; a clean file commits with its audit hook', async () => {
		const ws = (await makeWorkspace(store.db)).id;
		const rows = Array.from({ length: 25 }, (_, i) => `p${i},Person${i},Test,person${i}@example.com`);
		const bad = writeCsv('bad.csv', ['id,first name,last name,email', ...rows, 'p99,Broken,Row,not-an-email'].join('\n'));
		let committed = 0;
		const onCommit = async () => void committed++;
		const failed = await run(ws, bad, 'contacts', { allOrNothing: true, batchSize: 10, onCommit });
		expect(failed.outcome).toBe('rolled_back');
		expect(failed.counts).toMatchObject({ created: 25, errors: 1 });
		expect(await store.db.$count(contact, eq(contact.workspaceId, ws))).toBe(0);
		expect(committed).toBe(0);

		const partial = await run(ws, bad, 'contacts', { batchSize: 10, onCommit });
		expect(partial.outcome).toBe('done');
		expect(await store.db.$count(contact, eq(contact.workspaceId, ws))).toBe(25);
		expect(committed).toBe(1);
	});

	it('cancels between batches: all or nothing keeps nothing, otherwise finished batches stay', async () => {
		const ws = (await makeWorkspace(store.db)).id;
		const rows = Array.from({ length: 30 }, (_, i) => `p${i},Person${i},person${i}@example.com`);
		const file = writeCsv('cancel.csv', ['id,first name,email', ...rows].join('\r\n'));
		let batches = 0;
		const isCancelled = () => ++batches > 2;
		const whole = await run(ws, file, 'contacts', { allOrNothing: true, batchSize: 10, isCancelled });
		expect(whole.outcome).toBe('cancelled');
		expect(await store.db.$count(contact, eq(contact.workspaceId, ws))).toBe(0);
		batches = 0;
		const some = await run(ws, file, 'contacts', { batchSize: 10, isCancelled });
		expect(some.outcome).toBe('cancelled');
		expect(await store.db.$count(contact, eq(contact.workspaceId, ws))).toBe(20);
	});
});
