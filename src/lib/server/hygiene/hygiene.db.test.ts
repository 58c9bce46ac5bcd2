import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../../tests/databases';
import { makeAccount, makeActivities, makeUser, makeWorkspace } from '../../../../tests/factories';
import type { OpenDatabase } from '../db/index';
import { contact, dataAudit, deal, hygieneSettings } from '../db/schema';
import { loadHygieneReport } from './report';
import { listDataAudits, runDataAudit } from './dataAudits';
import { runDueDataAudits } from './auditSchedule';
import { saveHygieneSettings } from './settings';
import { eq } from 'drizzle-orm';

const now = new Date('2026-06-15T12:00:00Z');

describe.each(testDatabases())('hygiene findings on $name', ({ open }) => {
	let store: OpenDatabase;
	let ws: string;
	let other: string;
	beforeAll(async () => {
		store = await open();
		const db = store.db;
		ws = (await makeWorkspace(db)).id;
		other = (await makeWorkspace(db)).id;
		const owner = await makeUser(db, { workspaceId: ws });
		const acme = await makeAccount(db, ws, { name: 'Acme Corporation', domain: 'acme.com', industry: 'Software', size: '11-50', ownerId: owner.id });
		const acme2 = await makeAccount(db, ws, { name: 'Acme Corporation.', domain: 'https://www.ACME.com/about', industry: 'Software', size: '11-50', ownerId: owner.id });
		const globex = await makeAccount(db, ws, { name: 'Globex', domain: 'globex.io', industry: 'Energy', size: '1-10', ownerId: owner.id });
		await makeAccount(db, ws, { name: 'Smith Group', domain: 'smithgroup.com', industry: 'Retail', size: '1-10', ownerId: owner.id, lifecycle: 'churned' });
		await makeAccount(db, ws, { name: 'Smith LLC', industry: 'Retail', size: '1-10', ownerId: owner.id });
		// The other workspace has the same domain and names: never paired with ours.
		await makeAccount(db, other, { name: 'Acme Corporation', domain: 'acme.com' });
		await db.insert(contact).values([
			{ workspaceId: ws, accountId: acme.id, firstName: 'Ana', lastName: 'Lopez', email: 'ana@acme.com', title: 'CFO' },
			{ workspaceId: ws, accountId: acme2.id, firstName: 'A.', lastName: 'Lopez', email: 'ANA@acme.com', title: 'CFO' },
			{ workspaceId: ws, accountId: globex.id, firstName: 'Jon', lastName: 'Smith', email: 'jon@globex.io', title: 'CTO' },
			{ workspaceId: ws, accountId: globex.id, firstName: 'John', lastName: 'Smith', email: 'john.smith@globex', title: 'CTO' },
			{ workspaceId: ws, accountId: globex.id, firstName: 'Mary', lastName: 'Jones', email: null, title: null },
			{ workspaceId: other, firstName: 'Ana', lastName: 'Lopez', email: 'ana@acme.com' }
		]);
		await makeActivities(db, ws, acme.id, [{ type: 'product_login', at: '2026-06-01T00:00:00Z' }]);
		await makeActivities(db, ws, globex.id, [{ type: 'product_login', at: '2026-01-01T00:00:00Z' }]);
		await db.insert(deal).values([
			{ workspaceId: ws, accountId: acme.id, name: 'Acme renewal', openedOn: '2026-01-01', closeOn: '2026-05-01', ownerId: owner.id },
			{ workspaceId: ws, accountId: acme.id, name: 'Acme upsell', openedOn: '2026-01-01', closeOn: '2026-09-01', ownerId: owner.id },
			{ workspaceId: ws, accountId: globex.id, name: 'Globex won', stage: 'closed_won', outcome: 'won', openedOn: '2026-01-01', closeOn: '2026-02-01' },
			{ workspaceId: ws, accountId: globex.id, name: 'Globex new', openedOn: '2026-03-01' }
		]);
	});
	afterAll(() => store.close());

	it('pairs contacts by email (any case) and by similar names within an account, never across workspaces', async () => {
		const report = await loadHygieneReport(store.db, ws, 90, now);
		const pairs = report.duplicateContacts.top.map((p) => [p.reason, [p.a.name, p.b.name].sort().join(' / ')]);
		expect(pairs).toEqual([
			['email', 'A. Lopez / Ana Lopez'],
			['name', 'John Smith / Jon Smith']
		]);
		expect(report.duplicateContacts).toMatchObject({ involved: 4, pairs: 2 });
	});

	it('pairs accounts by normalized domain and by similar names, not names that only share a word', async () => {
		const report = await loadHygieneReport(store.db, ws, 90, now);
		expect(report.duplicateAccounts.top.map((p) => [p.reason, [p.a.name, p.b.name].sort().join(' / ')])).toEqual([
			['domain', 'Acme Corporation / Acme Corporation.']
		]);
		expect(report.duplicateAccounts.involved).toBe(2);
	});

	it('lists missing fields, invalid emails, stale accounts and overdue deals, and scores them', async () => {
		const report = await loadHygieneReport(store.db, ws, 90, now);
		expect(report.incompleteContacts.top).toEqual([expect.objectContaining({ name: 'Mary Jones', missing: ['email', 'title'] })]);
		expect(report.incompleteAccounts.top.map((r) => [r.name, r.missing])).toEqual([['Smith LLC', ['domain']]]);
		expect(report.incompleteDeals.top.map((r) => [r.name, r.missing])).toEqual([['Globex new', ['closeOn', 'ownerId']]]);
		expect(report.invalidEmails.top.map((r) => r.email)).toEqual(['john.smith@globex']);
		// Globex's last activity is older than 90 days; Acme 2 and Smith LLC never had one; churned Smith Group is left out.
		expect(report.staleAccounts.top.map((r) => r.name).sort()).toEqual(['Acme Corporation.', 'Globex', 'Smith LLC']);
		expect(report.overdueDeals.top.map((r) => r.name)).toEqual(['Acme renewal']);
		expect(report.counts).toMatchObject({ contacts: 5, accounts: 5, openDeals: 3 });
		expect(report.quality.score).toBeGreaterThan(0);
		expect(report.quality.score).toBeLessThan(100);
		expect((await loadHygieneReport(store.db, ws, 200, now)).staleAccounts.count).toBe(2);
	});

	it('stores audits for the trend; the schedule runs once a month per workspace and not when off', async () => {
		const audit = await runDataAudit(store.db, ws, { trigger: 'manual', now: new Date('2026-06-14T12:00:00Z') });
		expect(audit.score).toBe((await loadHygieneReport(store.db, ws, 90, now)).quality.score);
		expect(audit.counts).toMatchObject({ duplicateContacts: 4, overdueDeals: 1 });

		const owner = await makeUser(store.db, { workspaceId: other });
		await saveHygieneSettings(store.db, other, owner.id, { staleDays: 30, auditSchedule: 'off' });
		const first = await runDueDataAudits(store.db, now);
		expect(first).toContain(ws);
		expect(first).not.toContain(other);
		expect(await runDueDataAudits(store.db, new Date('2026-06-30T23:00:00Z'))).not.toContain(ws);
		expect(await runDueDataAudits(store.db, new Date('2026-07-01T00:07:00Z'))).toContain(ws);
		const trend = await listDataAudits(store.db, ws);
		expect(trend.map((a) => a.trigger)).toEqual(['manual', 'schedule', 'schedule']);
		expect(await store.db.select().from(dataAudit).where(eq(dataAudit.workspaceId, other))).toEqual([]);
		expect((await store.db.select().from(hygieneSettings).where(eq(hygieneSettings.workspaceId, other)))[0].staleDays).toBe(30);
	});
});
