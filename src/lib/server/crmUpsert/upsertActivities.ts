import { sql } from 'drizzle-orm';
import type { Database } from '../db/index';
import { queryRows } from '../db/rows';
import type { ActivityRecord } from '../../domain/import/records';
import { ACTIVITY_TYPE_INFO } from '../../domain/crm/activityTypes';
import { fail, jsonRows, refuseRepeatedKeys, type UpsertOutcome } from './outcome';
import { accountRefField, missingAccountMessage, resolveAccountRefs } from './resolveAccounts';

const NO_CONTACT = '00000000-0000-0000-0000-000000000000';
const SHAPE = 'i int, external_id text, account_id uuid, contact_id uuid, type activity_type, occurred_at timestamptz, department department, properties jsonb';

/** Contact ids for the records' contact refs (external id, else email: the oldest), null when not found. */
async function resolveContacts(db: Database, workspaceId: string, records: readonly ActivityRecord[], skip: (i: number) => boolean) {
	const probe = records.flatMap((r, i) => (skip(i) || !r.contact ? [] : [{ i, x: r.contact.externalId, e: r.contact.email }]));
	if (!probe.length) return new Map<number, string | null>();
	const rows = await queryRows<{ i: number; id: string | null }>(
		db,
		sql`select v.i, coalesce(
			(select c.id from contact c where c.workspace_id = ${workspaceId}::uuid and c.external_id = v.x),
			(select c.id from contact c where c.workspace_id = ${workspaceId}::uuid and c.email = v.e order by c.created_at, c.id limit 1)
		) as id from ${jsonRows(probe, 'i int, x text, e text')}`
	);
	return new Map(rows.map((r) => [Number(r.i), r.id]));
}

/**
 * Adds a batch of activities to account timelines. Activities are events, so they are never
 * changed: a record whose external id the workspace already has, or that repeats a stored event
 * exactly (same account, contact, type and moment), is `unchanged`; that makes re-imports and
 * retried batches harmless. Run it inside a transaction.
 */
export async function upsertActivities(db: Database, workspaceId: string, records: readonly ActivityRecord[]): Promise<UpsertOutcome[]> {
	const outcomes: (UpsertOutcome | undefined)[] = new Array(records.length);
	refuseRepeatedKeys(records, outcomes, (r) => (r.externalId ? [{ key: `x:${r.externalId}`, field: 'externalId', label: 'external id' }] : []), 'activity');
	const accountIds = await resolveAccountRefs(db, workspaceId, records.map((r, i) => (outcomes[i] ? null : r.account)));
	records.forEach((r, i) => {
		if (outcomes[i]) return;
		if (!r.account) outcomes[i] = fail('accountExternalId', 'is empty; every activity belongs to an account');
		else if (!accountIds[i]) outcomes[i] = fail(accountRefField(r.account), missingAccountMessage(r.account));
	});
	const contactIds = await resolveContacts(db, workspaceId, records, (i) => !!outcomes[i]);
	const rows: object[] = [];
	records.forEach((r, i) => {
		if (outcomes[i]) return;
		const contactId = r.contact ? (contactIds.get(i) ?? null) : null;
		if (r.contact && !contactId) {
			const by = r.contact.externalId ? `external id ${r.contact.externalId}` : `email ${r.contact.email}`;
			outcomes[i] = fail(r.contact.externalId ? 'contactExternalId' : 'contactEmail', `no contact with ${by} in this workspace; import the contact first`);
			return;
		}
		rows.push({
			i,
			external_id: r.externalId,
			account_id: accountIds[i],
			contact_id: contactId,
			type: r.type,
			occurred_at: r.occurredAt,
			department: r.department ?? ACTIVITY_TYPE_INFO[r.type].department,
			properties: r.properties
		});
	});
	if (!rows.length) return outcomes as UpsertOutcome[];

	// One statement: find what is already stored, insert the rest, report both with their ids.
	const result = await queryRows<{ i: number; id: string; created: boolean }>(
		db,
		sql`with v as (select * from ${jsonRows(rows, SHAPE)}),
		existing as (
			select v.i, coalesce(
				(select a.id from activity a where a.workspace_id = ${workspaceId}::uuid and a.external_id = v.external_id),
				(select a.id from activity a where a.workspace_id = ${workspaceId}::uuid and a.account_id = v.account_id
				   and a.occurred_at = v.occurred_at and a.type = v.type and a.contact_id is not distinct from v.contact_id
				   and (v.external_id is null or a.external_id is null) order by a.id limit 1)
			) as id from v
		),
		inserted as (
			insert into activity (workspace_id, account_id, contact_id, type, occurred_at, department, properties, external_id)
			select ${workspaceId}::uuid, v.account_id, v.contact_id, v.type, v.occurred_at, v.department, coalesce(v.properties, '{}'::jsonb), v.external_id
			from v join existing e on e.i = v.i where e.id is null
			order by v.i
			on conflict (workspace_id, external_id) where external_id is not null do nothing
			returning id, external_id, account_id, occurred_at, type, contact_id
		)
		select e.i, e.id::text as id, false as created from existing e where e.id is not null
		union all
		select v.i, ins.id::text, true from inserted ins join v
			on coalesce(ins.external_id, '') = coalesce(v.external_id, '') and ins.account_id = v.account_id
			and ins.occurred_at = v.occurred_at and ins.type = v.type
			and coalesce(ins.contact_id, ${NO_CONTACT}::uuid) = coalesce(v.contact_id, ${NO_CONTACT}::uuid)`
	);
	const seen = new Set<number>();
	for (const r of result) {
		const i = Number(r.i);
		if (seen.has(i)) continue;
		seen.add(i);
		outcomes[i] = r.created ? { status: 'created', id: String(r.id), accountId: accountIds[i]! } : { status: 'unchanged', id: String(r.id) };
	}
	// Lost a race on the external id with a concurrent writer: it is stored, so nothing changed.
	for (const row of rows as { i: number }[]) outcomes[row.i] ??= { status: 'unchanged', id: '' };
	return outcomes as UpsertOutcome[];
}
