import { sql } from 'drizzle-orm';
import type { Database } from '../db/index';
import { queryRows } from '../db/rows';
import type { ContactRecord } from '../../domain/import/records';
import { fail, jsonRows, refuseRepeatedKeys, splitUpserts, type UpsertOutcome } from './outcome';
import { accountRefField, missingAccountMessage, resolveAccountRefs } from './resolveAccounts';
import { markUpdated } from './upsertAccounts';

const keysOf = (r: ContactRecord) => [
	...(r.externalId ? [{ key: `x:${r.externalId}`, field: 'externalId', label: 'external id' }] : []),
	...(r.email ? [{ key: `e:${r.email}`, field: 'email', label: 'email' }] : [])
];

const SHAPE = 'id uuid, external_id text, first_name text, last_name text, email text, title text, lifecycle contact_lifecycle, account_id uuid';

/**
 * Creates or updates a batch of contacts in a few set-based statements: each record matches a
 * contact of the workspace by external id, else by email (the oldest one); its account is found
 * by external id, domain or name. Null fields keep the stored value. Run it inside a transaction.
 */
export async function upsertContacts(db: Database, workspaceId: string, records: readonly ContactRecord[]): Promise<UpsertOutcome[]> {
	const outcomes: (UpsertOutcome | undefined)[] = new Array(records.length);
	refuseRepeatedKeys(records, outcomes, keysOf, 'contact');
	const accountIds = await resolveAccountRefs(db, workspaceId, records.map((r, i) => (outcomes[i] ? null : r.account)));
	records.forEach((r, i) => {
		if (!outcomes[i] && r.account && !accountIds[i]) outcomes[i] = fail(accountRefField(r.account), missingAccountMessage(r.account));
	});

	const probe: { i: number; x: string | null; e: string | null }[] = [];
	records.forEach((r, i) => {
		if (!outcomes[i] && (r.externalId || r.email)) probe.push({ i, x: r.externalId, e: r.email });
	});
	const matches = probe.length
		? await queryRows<{ i: number; id: string | null }>(
				db,
				sql`select v.i, coalesce(
					(select c.id from contact c where c.workspace_id = ${workspaceId}::uuid and c.external_id = v.x),
					(select c.id from contact c where c.workspace_id = ${workspaceId}::uuid and c.email = v.e order by c.created_at, c.id limit 1)
				) as id from ${jsonRows(probe, 'i int, x text, e text')}`
			)
		: [];
	const matchOf = new Map(matches.filter((m) => m.id).map((m) => [Number(m.i), m.id!]));

	const { inserts, updates } = splitUpserts(records, outcomes, matchOf, {
		noun: 'contact',
		toRow: (r, i) => ({
			external_id: r.externalId,
			first_name: r.firstName,
			last_name: r.lastName,
			email: r.email,
			title: r.title,
			lifecycle: r.lifecycle,
			account_id: accountIds[i]
		}),
		matchField: (r) => (r.externalId ? 'externalId' : 'email'),
		missing: (r) => (r.firstName ? null : { field: 'firstName', message: 'is empty; a new contact needs a first name' })
	});

	if (inserts.length) {
		await db.execute(sql`insert into contact (id, workspace_id, external_id, first_name, last_name, email, title, lifecycle, account_id)
			select v.id, ${workspaceId}::uuid, v.external_id, v.first_name, coalesce(v.last_name, ''), v.email, v.title, coalesce(v.lifecycle, 'subscriber'), v.account_id
			from ${jsonRows(inserts, SHAPE)}`);
	}
	if (updates.length) {
		const changed = await queryRows<{ id: string }>(
			db,
			sql`update contact c set
				external_id = coalesce(c.external_id, v.external_id), first_name = coalesce(v.first_name, c.first_name),
				last_name = coalesce(v.last_name, c.last_name), email = coalesce(v.email, c.email), title = coalesce(v.title, c.title),
				lifecycle = coalesce(v.lifecycle, c.lifecycle), account_id = coalesce(v.account_id, c.account_id), updated_at = now()
			from ${jsonRows(updates, SHAPE)}
			where c.workspace_id = ${workspaceId}::uuid and c.id = v.id
			  and (c.external_id, c.first_name, c.last_name, c.email, c.title, c.lifecycle, c.account_id) is distinct from
			      (coalesce(c.external_id, v.external_id), coalesce(v.first_name, c.first_name), coalesce(v.last_name, c.last_name),
			       coalesce(v.email, c.email), coalesce(v.title, c.title), coalesce(v.lifecycle, c.lifecycle), coalesce(v.account_id, c.account_id))
			returning c.id`
		);
		markUpdated(outcomes, changed);
	}
	return outcomes as UpsertOutcome[];
}
