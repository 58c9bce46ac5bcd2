import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Database } from '../db/index';
import { account, contact, deal } from '../db/schema';
import { isUniqueViolation } from '../db/errors';
import { upsertAccounts, upsertContacts, upsertDeals, type UpsertOutcome } from '../crmUpsert';
import { enqueueWebhookEvents } from '../webhooks/enqueue';
import { accountPayload, dealStagePayload } from '../webhooks/payloads';
import { ApiError } from './apiError';
import type { AccountRecord, AccountRef, ContactRecord, DealRecord } from '../../domain/import/records';
import type { AccountUpsert, ContactUpsert, DealUpsert } from '../../domain/api/upsertSchemas';

export type UpsertResult = { id: string; action: 'created' | 'updated' | 'unchanged' };

const accountRefOf = (u: { accountExternalId?: string | null; accountDomain?: string | null; accountName?: string | null }): AccountRef | null =>
	u.accountExternalId || u.accountDomain || u.accountName ? { externalId: u.accountExternalId ?? null, domain: u.accountDomain ?? null, name: u.accountName ?? null } : null;

const toAccountRecord = (u: AccountUpsert): AccountRecord => ({
	externalId: u.externalId ?? null,
	name: u.name ?? null,
	domain: u.domain ?? null,
	industry: u.industry ?? null,
	size: u.size ?? null,
	lifecycle: u.lifecycle ?? null,
	plan: u.plan ?? null,
	arr: u.arr ?? null
});

const toContactRecord = (u: ContactUpsert): ContactRecord => ({
	externalId: u.externalId ?? null,
	firstName: u.firstName ?? null,
	lastName: u.lastName ?? null,
	email: u.email ?? null,
	title: u.title ?? null,
	lifecycle: u.lifecycle ?? null,
	account: accountRefOf(u)
});

const toDealRecord = (u: DealUpsert): DealRecord => ({
	externalId: u.externalId ?? null,
	name: u.name ?? null,
	stage: u.stage ?? null,
	amount: u.amount ?? null,
	openedOn: u.openedOn ?? null,
	closeOn: u.closeOn ?? null,
	account: accountRefOf(u)
});

/** The whole batch or nothing: the first refused record becomes a 422 naming it, e.g. contacts.4.email (prefix null: a single record, just email). */
function resultsOrThrow(outcomes: UpsertOutcome[], prefix: string | null): UpsertResult[] {
	return outcomes.map((o, i) => {
		if (o.status !== 'error') return { id: o.id, action: o.status };
		const field = prefix === null ? o.field : `${prefix}${i}.${o.field}`;
		throw new ApiError(422, 'validation_failed', `${field} ${o.message}. Nothing in this request was saved.`, field);
	});
}

/** Runs an upsert in one transaction; a race with another writer on the same key is a 409 to retry. */
async function inTransaction<T>(db: Database, work: (tx: Database) => Promise<T>): Promise<T> {
	try {
		return await db.transaction(work);
	} catch (e) {
		if (isUniqueViolation(e)) throw new ApiError(409, 'conflict', 'Another request saved a record with the same external id at the same moment. Send this request again.');
		throw e;
	}
}

const idsWith = (results: UpsertResult[], action: UpsertResult['action']) => results.filter((r) => r.action === action).map((r) => r.id);

/** Accounts through the shared upsert core; account.created / account.updated queued in the same transaction. */
export async function upsertAccountsApi(db: Database, workspaceId: string, items: AccountUpsert[], prefix: string | null): Promise<UpsertResult[]> {
	return inTransaction(db, async (tx) => {
		const results = resultsOrThrow(await upsertAccounts(tx, workspaceId, items.map(toAccountRecord)), prefix);
		const changed = [...idsWith(results, 'created'), ...idsWith(results, 'updated')];
		if (changed.length) {
			const rows = new Map((await tx.select().from(account).where(and(eq(account.workspaceId, workspaceId), inArray(account.id, changed)))).map((r) => [r.id, r]));
			await enqueueWebhookEvents(tx, workspaceId, 'account.created', idsWith(results, 'created').map((id) => accountPayload(rows.get(id)!)));
			await enqueueWebhookEvents(tx, workspaceId, 'account.updated', idsWith(results, 'updated').map((id) => accountPayload(rows.get(id)!)));
		}
		return results;
	});
}

export async function upsertContactsApi(db: Database, workspaceId: string, items: ContactUpsert[], prefix: string | null): Promise<UpsertResult[]> {
	return inTransaction(db, async (tx) => resultsOrThrow(await upsertContacts(tx, workspaceId, items.map(toContactRecord)), prefix));
}

/**
 * Deals through the shared upsert core. The stages of the deals the batch can match are read (and
 * locked) first, so every stage change is queued as deal.stage_changed in the same transaction.
 */
export async function upsertDealsApi(db: Database, workspaceId: string, items: DealUpsert[], prefix: string | null): Promise<UpsertResult[]> {
	return inTransaction(db, async (tx) => {
		const externalIds = items.flatMap((d) => (d.externalId ? [d.externalId] : []));
		const names = items.flatMap((d) => (d.name ? [d.name] : []));
		const before = new Map(
			(
				await tx
					.select({ id: deal.id, stage: deal.stage })
					.from(deal)
					.where(and(eq(deal.workspaceId, workspaceId), or(inArray(deal.externalId, externalIds.length ? externalIds : ['']), inArray(deal.name, names.length ? names : ['']))))
					.for('update')
			).map((r) => [r.id, r.stage])
		);
		const results = resultsOrThrow(await upsertDeals(tx, workspaceId, items.map(toDealRecord)), prefix);
		const updated = idsWith(results, 'updated');
		if (updated.length) {
			const rows = await tx.select().from(deal).where(and(eq(deal.workspaceId, workspaceId), inArray(deal.id, updated)));
			const moved = rows.filter((r) => before.has(r.id) && before.get(r.id) !== r.stage);
			await enqueueWebhookEvents(tx, workspaceId, 'deal.stage_changed', moved.map((r) => dealStagePayload(r, before.get(r.id)!)));
		}
		return results;
	});
}

export async function getApiContact(db: Database, workspaceId: string, id: string) {
	const [row] = await db
		.select({ id: contact.id, externalId: contact.externalId, email: contact.email, firstName: contact.firstName, lastName: contact.lastName, title: contact.title, lifecycle: contact.lifecycle, accountId: contact.accountId })
		.from(contact)
		.where(and(eq(contact.workspaceId, workspaceId), eq(contact.id, id)));
	return row;
}

export async function getApiDeal(db: Database, workspaceId: string, id: string) {
	const [row] = await db
		.select({ id: deal.id, externalId: deal.externalId, name: deal.name, accountId: deal.accountId, stage: deal.stage, outcome: deal.outcome, amount: deal.amount, openedOn: sql<string>`${deal.openedOn}::text`, closeOn: sql<string | null>`${deal.closeOn}::text` })
		.from(deal)
		.where(and(eq(deal.workspaceId, workspaceId), eq(deal.id, id)));
	return row;
}

export const countResults = (results: UpsertResult[]) => ({
	created: idsWith(results, 'created').length,
	updated: idsWith(results, 'updated').length,
	unchanged: idsWith(results, 'unchanged').length,
	results
});
