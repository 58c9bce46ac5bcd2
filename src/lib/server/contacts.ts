import { and, asc, count, eq, ilike, or, sql } from 'drizzle-orm';
import type { Database } from './db/index';
import { account, contact } from './db/schema';
import { assertReferences } from './references';
import { likePattern } from './accounts';
import type { ContactInput } from '../domain/crm/inputs';
import type { ContactLifecycle } from '../domain/crm/vocabulary';

export interface ContactFilter {
	q?: string;
	lifecycle?: ContactLifecycle | null;
	accountId?: string | null;
	page?: number;
	pageSize?: number;
}

const contactColumns = {
	id: contact.id,
	firstName: contact.firstName,
	lastName: contact.lastName,
	email: contact.email,
	title: contact.title,
	lifecycle: contact.lifecycle,
	accountId: contact.accountId,
	accountName: account.name,
	externalId: contact.externalId
};

export async function listContacts(db: Database, workspaceId: string, filter: ContactFilter = {}) {
	const pageSize = filter.pageSize ?? 25;
	const q = filter.q?.trim();
	const where = and(
		eq(contact.workspaceId, workspaceId),
		q
			? or(
					ilike(sql`${contact.firstName} || ' ' || ${contact.lastName}`, likePattern(q)),
					ilike(contact.email, likePattern(q))
				)
			: undefined,
		filter.lifecycle ? eq(contact.lifecycle, filter.lifecycle) : undefined,
		filter.accountId ? eq(contact.accountId, filter.accountId) : undefined
	);
	const [{ total }] = await db.select({ total: count() }).from(contact).where(where);
	const page = Math.min(Math.max(1, filter.page ?? 1), Math.max(1, Math.ceil(total / pageSize)));
	const rows = await db
		.select(contactColumns)
		.from(contact)
		.leftJoin(account, and(eq(account.id, contact.accountId), eq(account.workspaceId, workspaceId)))
		.where(where)
		.orderBy(asc(contact.lastName), asc(contact.firstName), asc(contact.id))
		.limit(pageSize)
		.offset((page - 1) * pageSize);
	return { rows, total, page, pageSize };
}

export async function getContact(db: Database, workspaceId: string, contactId: string) {
	const [row] = await db
		.select(contactColumns)
		.from(contact)
		.leftJoin(account, and(eq(account.id, contact.accountId), eq(account.workspaceId, workspaceId)))
		.where(and(eq(contact.workspaceId, workspaceId), eq(contact.id, contactId)));
	return row ?? null;
}

export type ContactRow = NonNullable<Awaited<ReturnType<typeof getContact>>>;

export async function listAccountContacts(db: Database, workspaceId: string, accountId: string) {
	return db
		.select(contactColumns)
		.from(contact)
		.leftJoin(account, eq(account.id, contact.accountId))
		.where(and(eq(contact.workspaceId, workspaceId), eq(contact.accountId, accountId)))
		.orderBy(asc(contact.lastName), asc(contact.firstName));
}

export async function createContact(db: Database, workspaceId: string, input: ContactInput): Promise<string> {
	await assertReferences(db, workspaceId, { accountId: input.accountId });
	const [row] = await db.insert(contact).values({ ...input, workspaceId }).returning({ id: contact.id });
	return row.id;
}

export async function updateContact(db: Database, workspaceId: string, contactId: string, input: ContactInput): Promise<boolean> {
	await assertReferences(db, workspaceId, { accountId: input.accountId });
	const rows = await db
		.update(contact)
		.set({ ...input, updatedAt: new Date() })
		.where(and(eq(contact.workspaceId, workspaceId), eq(contact.id, contactId)))
		.returning({ id: contact.id });
	return rows.length > 0;
}
