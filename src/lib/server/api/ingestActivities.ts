import { and, eq, inArray, or } from 'drizzle-orm';
import type { Database } from '../db/index';
import { account, activity, contact } from '../db/schema';
import { ApiError } from './apiError';
import { ACTIVITY_TYPE_INFO } from '../../domain/crm/activityTypes';
import type { IngestActivity } from '../../domain/api/activitySchemas';

const unique = <T>(values: (T | undefined)[]) => [...new Set(values.filter((v): v is T => v !== undefined))];

type Ref = { id: string; externalId: string | null; accountId?: string | null };

function indexRefs(rows: Ref[]) {
	return { byId: new Map(rows.map((r) => [r.id, r])), byExternal: new Map(rows.filter((r) => r.externalId).map((r) => [r.externalId!, r])) };
}

/** The accounts and contacts a batch names, in two queries whatever its size. */
async function loadReferences(db: Database, workspaceId: string, batch: IngestActivity[]) {
	const accountIds = unique(batch.map((a) => a.accountId));
	const accountExternal = unique(batch.map((a) => a.accountExternalId));
	const contactIds = unique(batch.map((a) => a.contactId));
	const contactExternal = unique(batch.map((a) => a.contactExternalId));
	const accounts =
		accountIds.length || accountExternal.length
			? await db
					.select({ id: account.id, externalId: account.externalId })
					.from(account)
					.where(and(eq(account.workspaceId, workspaceId), or(inArray(account.id, accountIds), inArray(account.externalId, accountExternal))))
			: [];
	const contacts =
		contactIds.length || contactExternal.length
			? await db
					.select({ id: contact.id, externalId: contact.externalId, accountId: contact.accountId })
					.from(contact)
					.where(and(eq(contact.workspaceId, workspaceId), or(inArray(contact.id, contactIds), inArray(contact.externalId, contactExternal))))
			: [];
	return { accounts: indexRefs(accounts), contacts: indexRefs(contacts) };
}

const missing = (index: number, field: string, what: string) =>
	new ApiError(422, 'validation_failed', `activities.${index}.${field}: ${what} Create or upsert it first, then resend the batch (nothing in it was saved).`, `activities.${index}.${field}`);

/**
 * Adds a batch of activities to account timelines: references resolved in two queries, then ONE
 * multi-row insert. Either every activity is added or, when one names an account or contact this
 * workspace does not have, none is. Returns the new ids in the order sent.
 */
export async function ingestActivities(db: Database, workspaceId: string, batch: IngestActivity[]): Promise<number[]> {
	const refs = await loadReferences(db, workspaceId, batch);
	const rows = batch.map((a, i) => {
		let contactRef: Ref | undefined;
		if (a.contactId !== undefined && !(contactRef = refs.contacts.byId.get(a.contactId))) throw missing(i, 'contactId', `There is no contact ${a.contactId} in this workspace.`);
		if (a.contactExternalId !== undefined && !(contactRef = refs.contacts.byExternal.get(a.contactExternalId)))
			throw missing(i, 'contactExternalId', `There is no contact with external id "${a.contactExternalId}" in this workspace.`);
		let accountId: string | null | undefined;
		if (a.accountId !== undefined && !(accountId = refs.accounts.byId.get(a.accountId)?.id)) throw missing(i, 'accountId', `There is no account ${a.accountId} in this workspace.`);
		if (a.accountExternalId !== undefined && !(accountId = refs.accounts.byExternal.get(a.accountExternalId)?.id))
			throw missing(i, 'accountExternalId', `There is no account with external id "${a.accountExternalId}" in this workspace.`);
		accountId ??= contactRef?.accountId;
		if (!accountId) throw missing(i, 'accountId', 'The contact belongs to no account, so name the account (accountId or accountExternalId).');
		return {
			workspaceId,
			accountId,
			contactId: contactRef?.id ?? null,
			type: a.type,
			occurredAt: new Date(a.occurredAt),
			department: a.department ?? ACTIVITY_TYPE_INFO[a.type].department,
			properties: a.properties ?? {}
		};
	});
	const inserted = await db.insert(activity).values(rows).returning({ id: activity.id });
	return inserted.map((r) => r.id);
}
