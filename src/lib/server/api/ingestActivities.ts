import { sql } from 'drizzle-orm';
import type { Database } from '../db/index';
import { queryRows } from '../db/rows';
import { ApiError } from './apiError';
import { runIdempotent, type StoredResponse } from './idempotency';
import { queueDetection } from '../signals/detectTouched';
import { ACTIVITY_TYPE_INFO } from '../../domain/crm/activityTypes';
import type { IngestActivity } from '../../domain/api/activitySchemas';

const unique = <T>(values: (T | undefined)[]) => [...new Set(values.filter((v): v is T => v !== undefined))];

type Ref = { id: string; externalId: string | null; accountId?: string | null };

function indexRefs(rows: Ref[]) {
	return { byId: new Map(rows.map((r) => [r.id, r])), byExternal: new Map(rows.filter((r) => r.externalId).map((r) => [r.externalId!, r])) };
}

/** A list as one JSON parameter, whatever its length (no statement with thousands of parameters). */
const jsonList = (values: string[]) => sql`(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;

/** The accounts and contacts a batch names, in at most two queries whatever its size. */
async function loadReferences(db: Database, workspaceId: string, batch: IngestActivity[]) {
	const accountIds = unique(batch.map((a) => a.accountId));
	const accountExternal = unique(batch.map((a) => a.accountExternalId));
	const contactIds = unique(batch.map((a) => a.contactId));
	const contactExternal = unique(batch.map((a) => a.contactExternalId));
	const accounts =
		accountIds.length || accountExternal.length
			? await queryRows<Ref>(
					db,
					sql`select id, external_id as "externalId" from account where workspace_id = ${workspaceId}::uuid
						and (id in (select v::uuid from ${jsonList(accountIds)} as t(v)) or external_id in ${jsonList(accountExternal)})`
				)
			: [];
	const contacts =
		contactIds.length || contactExternal.length
			? await queryRows<Ref>(
					db,
					sql`select id, external_id as "externalId", account_id as "accountId" from contact where workspace_id = ${workspaceId}::uuid
						and (id in (select v::uuid from ${jsonList(contactIds)} as t(v)) or external_id in ${jsonList(contactExternal)})`
				)
			: [];
	return { accounts: indexRefs(accounts), contacts: indexRefs(contacts) };
}

const missing = (index: number, field: string, what: string) =>
	new ApiError(422, 'validation_failed', `activities.${index}.${field}: ${what} Create or upsert it first, then resend the batch (nothing in it was saved).`, `activities.${index}.${field}`);

/**
 * Adds a batch of activities to account timelines: references resolved in two queries, then ONE
 * multi-row insert. Either every activity is added or, when one names an account or contact this
 * workspace does not have, none is. Returns the new ids in the order sent and the accounts touched.
 */
export async function ingestActivities(db: Database, workspaceId: string, batch: IngestActivity[]): Promise<{ ids: number[]; accountIds: string[] }> {
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
			a: accountId,
			c: contactRef?.id ?? null,
			t: a.type,
			o: a.occurredAt,
			d: a.department ?? ACTIVITY_TYPE_INFO[a.type].department,
			p: a.properties ?? {}
		};
	});
	// One statement, one parameter: the batch as JSON, unpacked by PostgreSQL in the order sent.
	const inserted = await queryRows<{ id: string | number }>(
		db,
		sql`insert into activity (workspace_id, account_id, contact_id, type, occurred_at, department, properties)
			select ${workspaceId}::uuid, v.a, v.c, v.t, v.o, v.d, v.p
			from rows from (json_to_recordset(${JSON.stringify(rows)}::json) as (a uuid, c uuid, t activity_type, o timestamptz, d department, p jsonb)) with ordinality as v(a, c, t, o, d, p, n)
			order by v.n
			returning id`
	);
	return { ids: inserted.map((r) => Number(r.id)), accountIds: [...new Set(rows.map((r) => r.a))] };
}

/**
 * The ingest endpoint's work: the batch applied once per Idempotency-Key (one transaction), then,
 * after the commit, signal detection for the accounts it touched, queued in the background so the
 * response does not wait for it and a stream of batches is detected in a few runs (queueDetection).
 * `detection` settles when the run covering this batch has finished. A replayed batch detects
 * nothing (its first run did); a detection failure is logged and leaves the 201 as it is.
 */
export async function ingestActivityBatch(
	db: Database,
	workspaceId: string,
	request: { key: string; fingerprint: string; activities: IngestActivity[] },
	now?: Date
): Promise<StoredResponse & { detection: Promise<void> }> {
	let touched: string[] = [];
	const result = await runIdempotent(db, workspaceId, request.key, request.fingerprint, async (tx) => {
		const { ids, accountIds } = await ingestActivities(tx, workspaceId, request.activities);
		touched = accountIds;
		return { status: 201, body: { inserted: ids.length, activityIds: ids } };
	});
	const detection = result.replayed ? Promise.resolve() : queueDetection(db, workspaceId, touched, { now, source: 'an ingest batch' });
	return { ...result, detection };
}
