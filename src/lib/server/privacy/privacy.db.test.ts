import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { testDatabases } from '../../../../tests/databases';
import { makeAccount, makeActivities, makeUser, makeWorkspace } from '../../../../tests/factories';
import type { Database, OpenDatabase } from '../db/index';
import { queryRows } from '../db/rows';
import { auditEntry, contact, deal, note, practiceSession, sessionEvent, tag, tagging, task } from '../db/schema';
import { mergeContacts } from '../commands/mergeContacts';
import { exportContactData } from './exportContactData';
import { eraseContact, ErasureError } from './eraseContact';

/** Every text and jsonb column of every table: where does this text still appear? */
async function whereTextAppears(db: Database, needle: string): Promise<string[]> {
	const columns = await queryRows<{ table_name: string; column_name: string }>(
		db,
		sql`select table_name, column_name from information_schema.columns
			where table_schema = 'public' and data_type in ('text', 'jsonb', 'character varying') and table_name not like '__drizzle%'`
	);
	const found: string[] = [];
	for (const c of columns) {
		const [{ n }] = await queryRows<{ n: number }>(
			db,
			sql`select count(*)::int as n from ${sql.raw(`"${c.table_name}"`)} where position(lower(${needle}) in lower(${sql.raw(`"${c.column_name}"`)}::text)) > 0`
		);
		if (n > 0) found.push(`${c.table_name}.${c.column_name}`);
	}
	return found;
}

const activityCounts = (db: Database, ws: string) =>
	queryRows<{ account_id: string; type: string; n: number }>(
		db,
		sql`select account_id, type, count(*)::int as n from activity where workspace_id = ${ws} group by 1, 2 order by 1, 2`
	);

describe.each(testDatabases())('personal data export and erasure on $name', ({ open }) => {
	let store: OpenDatabase;
	let ws: string;
	let admin: { userId: string; label: string };
	beforeAll(async () => {
		store = await open();
		ws = (await makeWorkspace(store.db)).id;
		admin = { userId: (await makeUser(store.db, { workspaceId: ws, role: 'admin' })).id, label: 'Ada Admin' };
	});
	afterAll(() => store.close());

	async function seedPerson(last: string) {
		const at = (text: string) => text.replaceAll('Quintero', last).replaceAll('QUINTERO', last.toUpperCase()).replaceAll('zelda.q@', `zelda.${last.toLowerCase()}@`).replaceAll('zq@', `z${last.toLowerCase()}@`);
		const db = store.db;
		const acme = await makeAccount(db, ws, { name: 'Acme' });
		const [ana, twin, colleague] = await db
			.insert(contact)
			.values([
				{ workspaceId: ws, accountId: acme.id, firstName: 'Zelda', lastName: last, email: at('zelda.q@acme.com'), title: 'CFO' },
				{ workspaceId: ws, accountId: acme.id, firstName: 'Zelda', lastName: last, email: at('zq@acme.com') },
				{ workspaceId: ws, accountId: acme.id, firstName: 'Bob', lastName: 'Stone', email: 'bob@acme.com' }
			])
			.returning();
		const acts = await makeActivities(db, ws, acme.id, [
			{ type: 'email_replied', at: '2026-01-02T00:00:00Z', contactId: ana.id, properties: { subject: 'Re: pricing', from: at('zelda.q@acme.com') } },
			{ type: 'meeting_held', at: '2026-01-03T00:00:00Z', contactId: twin.id, properties: { summary: at('Met Zelda Quintero and Bob') } },
			{ type: 'call_logged', at: '2026-01-04T00:00:00Z', contactId: colleague.id, properties: { summary: at('Bob said QUINTERO, Zelda signs') } },
			{ type: 'product_login', at: '2026-01-05T00:00:00Z' }
		]);
		const [d] = await db.insert(deal).values({ workspaceId: ws, accountId: acme.id, name: at('Expansion for Zelda Quintero'), openedOn: '2026-01-01' }).returning();
		await db.insert(note).values([
			{ workspaceId: ws, accountId: acme.id, contactId: ana.id, dealId: d.id, body: at('Zelda Quintero prefers email: zelda.q@acme.com') },
			{ workspaceId: ws, accountId: acme.id, body: 'Unrelated note about Bob' }
		]);
		await db.insert(task).values({ workspaceId: ws, accountId: acme.id, contactId: ana.id, title: at('Send Zelda Quintero the contract') });
		const [vip] = await db.insert(tag).values({ workspaceId: ws, name: `vip-${acme.id}` }).returning();
		await db.insert(tagging).values({ workspaceId: ws, tagId: vip.id, contactId: ana.id });
		const sessionTag = { id: 't1', activityId: acts[0].id, accountId: acme.id, signal: { kind: 'new', name: 'Pricing interest' }, polarity: 'positive', interpretation: at('Zelda Quintero is comparing plans'), addedAt: '2026-01-06T00:00:00Z' };
		const [s] = await db
			.insert(practiceSession)
			.values({ workspaceId: ws, title: 'Weekly review', objective: 'x', scheduledAt: new Date(), plan: {}, state: { tags: [sessionTag] }, status: 'ended' })
			.returning();
		await db.insert(sessionEvent).values({ sessionId: s.id, seq: 1, commandId: crypto.randomUUID(), type: 'tag.added', event: { type: 'tag.added', ...sessionTag } });
		// A merge first: its record and audit entry hold the twin's snapshot and the name.
		await mergeContacts(db, ws, admin, { survivorId: ana.id, loserId: twin.id, choices: {} as never });
		return { acme, ana, colleague, dealId: d.id };
	}

	it('exports everything held about the contact as JSON and records the export', async () => {
		const { ana, acme, dealId } = await seedPerson('Quintero');
		const data = await exportContactData(store.db, ws, ana.id, admin);
		expect(data?.contact).toMatchObject({ firstName: 'Zelda', email: 'zelda.quintero@acme.com', title: 'CFO' });
		expect(data?.account).toMatchObject({ id: acme.id, name: 'Acme' });
		expect(data?.activities.map((a) => a.type)).toEqual(['email_replied', 'meeting_held']);
		expect(data?.notes.map((n) => n.body)).toEqual(['Zelda Quintero prefers email: zelda.quintero@acme.com']);
		expect(data?.tasks.map((t) => t.title)).toEqual(['Send Zelda Quintero the contract']);
		expect(data?.deals.map((d) => d.id)).toEqual([dealId]);
		expect(data?.tags).toHaveLength(1);
		expect(data?.sessionTags).toEqual([expect.objectContaining({ session: 'Weekly review', interpretation: 'Zelda Quintero is comparing plans' })]);
		expect(data?.merges).toHaveLength(1);
		expect(JSON.parse(JSON.stringify(data)).contact.id).toBe(ana.id);
		const entries = await store.db.select().from(auditEntry).where(and(eq(auditEntry.workspaceId, ws), eq(auditEntry.action, 'contact.export')));
		expect(entries.map((e) => e.subjectId)).toContain(ana.id);
		expect(await exportContactData(store.db, (await makeWorkspace(store.db)).id, ana.id, admin)).toBeNull();
	});

	it('erases the contact: no name or email survives anywhere, activity counts per account are unchanged', async () => {
		const db = store.db;
		const { ana, colleague } = await seedPerson('Ibarra');
		const before = await activityCounts(db, ws);
		await expect(eraseContact(db, ws, ana.id, admin, 'Zelda')).rejects.toMatchObject({ code: 'not_confirmed', status: 400 });
		expect(await whereTextAppears(db, 'zelda.ibarra@acme.com')).not.toEqual([]);

		const result = await eraseContact(db, ws, ana.id, admin, 'zelda ibarra');

		expect(result.activities).toBe(2);
		for (const needle of ['zelda.ibarra@acme.com', 'zibarra@acme.com', 'Zelda Ibarra', 'Ibarra, Zelda']) expect(await whereTextAppears(db, needle)).toEqual([]);
		expect(await activityCounts(db, ws)).toEqual(before);
		expect((await db.select().from(contact).where(eq(contact.id, ana.id))).length).toBe(0);
		// Others keep their data; the erasure is in the audit log without the person's name.
		expect((await db.select().from(contact).where(eq(contact.id, colleague.id)))[0].email).toBe('bob@acme.com');
		expect((await whereTextAppears(db, 'Unrelated note about Bob')).length).toBe(1);
		const [entry] = await db.select().from(auditEntry).where(and(eq(auditEntry.workspaceId, ws), eq(auditEntry.action, 'contact.erase'), eq(auditEntry.subjectId, ana.id)));
		expect(entry.summary).toContain('Erased a contact');
		await expect(eraseContact(db, ws, ana.id, admin, 'zelda ibarra')).rejects.toBeInstanceOf(ErasureError);
	});

	it('never erases a contact of another workspace', async () => {
		const db = store.db;
		const other = (await makeWorkspace(db)).id;
		const [theirs] = await db.insert(contact).values({ workspaceId: other, firstName: 'Yara', lastName: 'Flint', email: 'yara@flint.io' }).returning();
		await expect(eraseContact(db, ws, theirs.id, admin, 'Yara Flint')).rejects.toMatchObject({ code: 'not_found', status: 404 });
		expect((await db.select().from(contact).where(eq(contact.id, theirs.id))).length).toBe(1);
	});
});
