import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { testDatabases } from '../../../../tests/databases';
import { makeAccount, makeActivities, makeUser, makeWorkspace } from '../../../../tests/factories';
import type { Database, OpenDatabase } from '../db/index';
import { queryRows } from '../db/rows';
import { account, auditEntry, contact, deal, mergeRecord, note, practiceSession, sessionEvent, tag, tagging, task } from '../db/schema';
import { mergeContacts } from './mergeContacts';
import { mergeAccounts } from './mergeAccounts';
import { MergeError } from './mergeSupport';

/** Every uuid column in every table that holds `id`: proves nothing still points at a merged-away record. */
async function rowsPointingAt(db: Database, id: string): Promise<Record<string, number>> {
	const columns = await queryRows<{ table_name: string; column_name: string; data_type: string }>(
		db,
		sql`select table_name, column_name, data_type from information_schema.columns
			where table_schema = 'public' and data_type in ('uuid', 'jsonb', 'text') and table_name <> 'merge_record' and table_name <> 'audit_entry'`
	);
	const found: Record<string, number> = {};
	for (const c of columns) {
		const col = sql.raw(`"${c.column_name}"`);
		const where = c.data_type === 'uuid' ? sql`${col} = ${id}::uuid` : sql`${col}::text like ${'%' + id + '%'}`;
		const [{ n }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${sql.raw(`"${c.table_name}"`)} where ${where}`);
		if (n > 0) found[`${c.table_name}.${c.column_name}`] = n;
	}
	return found;
}

const actor = (userId: string) => ({ userId, label: 'Ada Admin' });

describe.each(testDatabases())('merging records on $name', ({ open }) => {
	let store: OpenDatabase;
	let ws: string;
	let other: string;
	let admin: string;
	beforeAll(async () => {
		store = await open();
		ws = (await makeWorkspace(store.db)).id;
		other = (await makeWorkspace(store.db)).id;
		admin = (await makeUser(store.db, { workspaceId: ws, role: 'admin' })).id;
	});
	afterAll(() => store.close());

	async function twoContacts() {
		const db = store.db;
		const acme = await makeAccount(db, ws, { name: 'Acme' });
		const [survivor, loser] = await db
			.insert(contact)
			.values([
				{ workspaceId: ws, accountId: acme.id, firstName: 'Ana', lastName: 'Lopez', email: 'ana@acme.com', externalId: `s-${acme.id}` },
				{ workspaceId: ws, accountId: acme.id, firstName: 'Ana', lastName: 'López', email: 'ana@acme.com', title: 'CFO', externalId: `l-${acme.id}` }
			])
			.returning();
		await makeActivities(db, ws, acme.id, [
			{ type: 'email_opened', at: '2026-01-01T00:00:00Z', contactId: survivor.id },
			{ type: 'email_replied', at: '2026-01-02T00:00:00Z', contactId: loser.id },
			{ type: 'meeting_held', at: '2026-01-03T00:00:00Z', contactId: loser.id }
		]);
		await db.insert(note).values({ workspaceId: ws, accountId: acme.id, contactId: loser.id, body: 'Prefers email' });
		await db.insert(task).values({ workspaceId: ws, accountId: acme.id, contactId: loser.id, title: 'Send the contract' });
		const [vip, champion] = await db.insert(tag).values([{ workspaceId: ws, name: `vip-${acme.id}` }, { workspaceId: ws, name: `champion-${acme.id}` }]).returning();
		await db.insert(tagging).values([
			{ workspaceId: ws, tagId: vip.id, contactId: survivor.id },
			{ workspaceId: ws, tagId: vip.id, contactId: loser.id },
			{ workspaceId: ws, tagId: champion.id, contactId: loser.id }
		]);
		return { acme, survivor, loser, vip, champion };
	}

	it('moves everything of the loser contact to the survivor, keeps chosen fields, and records the merge', async () => {
		const db = store.db;
		const { survivor, loser } = await twoContacts();
		const activitiesBefore = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from activity where workspace_id = ${ws}`);

		const result = await mergeContacts(db, ws, actor(admin), { survivorId: survivor.id, loserId: loser.id, choices: { lastName: 'loser', externalId: 'loser' } as never });

		expect(result.moved).toEqual({ activities: 2, notes: 1, tasks: 1, tags: 1 });
		expect(await rowsPointingAt(db, loser.id)).toEqual({});
		const [merged] = await db.select().from(contact).where(eq(contact.id, survivor.id));
		expect(merged).toMatchObject({ firstName: 'Ana', lastName: 'López', title: 'CFO', externalId: loser.externalId });
		const [{ n: mine }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from activity where contact_id = ${survivor.id}`);
		expect(mine).toBe(3);
		expect(await queryRows(db, sql`select count(*)::int as n from activity where workspace_id = ${ws}`)).toEqual(activitiesBefore);
		const tags = await db.select().from(tagging).where(eq(tagging.contactId, survivor.id));
		expect(tags).toHaveLength(2);

		const [record] = await db.select().from(mergeRecord).where(eq(mergeRecord.id, result.mergeRecordId));
		expect(record).toMatchObject({ kind: 'contact', survivorId: survivor.id, loserId: loser.id, actorId: admin });
		expect(record.loserBefore).toMatchObject({ lastName: 'López', title: 'CFO' });
		expect(record.survivorBefore).toMatchObject({ lastName: 'Lopez', title: null });
		const [entry] = await db.select().from(auditEntry).where(and(eq(auditEntry.workspaceId, ws), eq(auditEntry.subjectId, survivor.id)));
		expect(entry).toMatchObject({ action: 'record.merge', actorLabel: 'Ada Admin' });
		expect(entry.summary).toContain('Merged contact Ana López into Ana Lopez');
	});

	it('moves contacts, deals, activities, notes, tasks, tags and session references of the loser account', async () => {
		const db = store.db;
		const survivor = await makeAccount(db, ws, { name: 'Acme Corp', domain: 'acme.com' });
		const loser = await makeAccount(db, ws, { name: 'ACME Corporation', domain: null, industry: 'Software', externalId: `x-${Date.now()}` });
		await db.insert(contact).values([{ workspaceId: ws, accountId: loser.id, firstName: 'Bo' }, { workspaceId: ws, accountId: survivor.id, firstName: 'Cy' }]);
		await db.insert(deal).values({ workspaceId: ws, accountId: loser.id, name: 'Renewal', openedOn: '2026-01-01' });
		await makeActivities(db, ws, loser.id, [{ type: 'product_login', at: '2026-01-01T00:00:00Z' }, { type: 'ticket_opened', at: '2026-01-02T00:00:00Z' }]);
		await makeActivities(db, ws, survivor.id, [{ type: 'product_login', at: '2026-01-01T00:00:00Z' }]);
		await db.insert(note).values({ workspaceId: ws, accountId: loser.id, body: 'Call back' });
		await db.insert(task).values({ workspaceId: ws, accountId: loser.id, title: 'Check in' });
		const [t] = await db.insert(tag).values({ workspaceId: ws, name: `key-${survivor.id}` }).returning();
		await db.insert(tagging).values({ workspaceId: ws, tagId: t.id, accountId: loser.id });
		const [session] = await db
			.insert(practiceSession)
			.values({ workspaceId: ws, title: 'Review', objective: 'x', scheduledAt: new Date(), plan: {}, state: { walkthrough: { accountId: loser.id } }, status: 'ended' })
			.returning();
		await db.insert(sessionEvent).values({ sessionId: session.id, seq: 1, commandId: crypto.randomUUID(), type: 'walkthrough.accountOpened', event: { accountId: loser.id } });
		const before = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from activity where workspace_id = ${ws}`);

		const result = await mergeAccounts(db, ws, actor(admin), { survivorId: survivor.id, loserId: loser.id, choices: { externalId: 'loser' } as never });

		expect(result.moved).toEqual({ contacts: 1, deals: 1, activities: 2, notes: 1, tasks: 1, tags: 1, sessions: 1, sessionEvents: 1 });
		expect(await rowsPointingAt(db, loser.id)).toEqual({});
		const [merged] = await db.select().from(account).where(eq(account.id, survivor.id));
		// Empty fields of the survivor are filled from the loser unless told otherwise.
		expect(merged).toMatchObject({ name: 'Acme Corp', domain: 'acme.com', industry: 'Software', externalId: loser.externalId });
		expect(await queryRows(db, sql`select count(*)::int as n from activity where workspace_id = ${ws}`)).toEqual(before);
		const [{ n }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from activity where account_id = ${survivor.id}`);
		expect(n).toBe(3);
	});

	it('refuses merging across workspaces, a record into itself, and an account a live session is using', async () => {
		const db = store.db;
		const mine = await makeAccount(db, ws, { name: 'Mine' });
		const theirs = await makeAccount(db, other, { name: 'Theirs' });
		await expect(mergeAccounts(db, ws, actor(admin), { survivorId: mine.id, loserId: theirs.id, choices: {} as never })).rejects.toMatchObject({ code: 'not_found', status: 404 });
		await expect(mergeAccounts(db, other, actor(admin), { survivorId: theirs.id, loserId: mine.id, choices: {} as never })).rejects.toBeInstanceOf(MergeError);
		await expect(mergeAccounts(db, ws, actor(admin), { survivorId: mine.id, loserId: mine.id, choices: {} as never })).rejects.toMatchObject({ code: 'same_record' });
		expect((await db.select().from(account).where(eq(account.id, theirs.id))).length).toBe(1);

		const [c1] = await db.insert(contact).values({ workspaceId: ws, firstName: 'Dee' }).returning();
		const [c2] = await db.insert(contact).values({ workspaceId: other, firstName: 'Dee' }).returning();
		await expect(mergeContacts(db, ws, actor(admin), { survivorId: c1.id, loserId: c2.id, choices: {} as never })).rejects.toMatchObject({ code: 'not_found' });
		expect((await db.select().from(contact).where(eq(contact.id, c2.id))).length).toBe(1);

		const loser = await makeAccount(db, ws, { name: 'In session' });
		await db.insert(practiceSession).values({ workspaceId: ws, title: 'Live one', objective: 'x', scheduledAt: new Date(), plan: {}, state: { walkthrough: { accountId: loser.id } }, status: 'live' });
		await expect(mergeAccounts(db, ws, actor(admin), { survivorId: mine.id, loserId: loser.id, choices: {} as never })).rejects.toMatchObject({ code: 'live_session', status: 409 });
		expect((await db.select().from(account).where(eq(account.id, loser.id))).length).toBe(1);
	});
});
