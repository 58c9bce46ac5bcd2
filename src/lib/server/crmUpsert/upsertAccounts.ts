import { sql } from 'drizzle-orm';
import type { Database } from '../db/index';
import { queryRows } from '../db/rows';
import type { AccountRecord } from '../../domain/import/records';
import { jsonRows, refuseRepeatedKeys, splitUpserts, type UpsertOutcome } from './outcome';

const keysOf = (r: AccountRecord) => [
	...(r.externalId ? [{ key: `x:${r.externalId}`, field: 'externalId', label: 'external id' }] : []),
	...(r.domain ? [{ key: `d:${r.domain}`, field: 'domain', label: 'domain' }] : [])
];

const SHAPE =
	'id uuid, external_id text, name text, domain text, industry text, size text, lifecycle account_lifecycle, plan text, arr integer';

/**
 * Creates or updates a batch of accounts in a few set-based statements: each record matches an
 * account of the workspace by external id, else by normalized domain (the oldest one); null
 * fields keep the stored value. Run it inside the caller's transaction.
 */
export async function upsertAccounts(db: Database, workspaceId: string, records: readonly AccountRecord[]): Promise<UpsertOutcome[]> {
	const outcomes: (UpsertOutcome | undefined)[] = new Array(records.length);
	refuseRepeatedKeys(records, outcomes, keysOf, 'account');
	const probe = records.flatMap((r, i) => (outcomes[i] || (!r.externalId && !r.domain) ? [] : [{ i, x: r.externalId, d: r.domain }]));
	const matches = probe.length
		? await queryRows<{ i: number; id: string | null }>(
				db,
				sql`select v.i, coalesce(
					(select a.id from account a where a.workspace_id = ${workspaceId}::uuid and a.external_id = v.x),
					(select a.id from account a where a.workspace_id = ${workspaceId}::uuid and a.domain = v.d order by a.created_at, a.id limit 1)
				) as id from ${jsonRows(probe, 'i int, x text, d text')}`
			)
		: [];
	const matchOf = new Map(matches.filter((m) => m.id).map((m) => [Number(m.i), m.id!]));

	const { inserts, updates } = splitUpserts(records, outcomes, matchOf, {
		noun: 'account',
		toRow: (r, i) => ({ external_id: r.externalId, name: r.name, domain: r.domain, industry: r.industry, size: r.size, lifecycle: r.lifecycle, plan: r.plan, arr: r.arr }),
		matchField: (r) => (r.externalId ? 'externalId' : 'domain'),
		missing: (r) => (r.name ? null : { field: 'name', message: 'is empty; a new account needs a name' })
	});

	if (inserts.length) {
		await db.execute(sql`insert into account (id, workspace_id, external_id, name, domain, industry, size, lifecycle, plan, arr)
			select v.id, ${workspaceId}::uuid, v.external_id, v.name, v.domain, v.industry, v.size, coalesce(v.lifecycle, 'lead'), v.plan, coalesce(v.arr, 0)
			from ${jsonRows(inserts, SHAPE)}`);
	}
	if (updates.length) {
		const changed = await queryRows<{ id: string }>(
			db,
			sql`update account a set
				external_id = coalesce(a.external_id, v.external_id), name = coalesce(v.name, a.name), domain = coalesce(v.domain, a.domain),
				industry = coalesce(v.industry, a.industry), size = coalesce(v.size, a.size), lifecycle = coalesce(v.lifecycle, a.lifecycle),
				plan = coalesce(v.plan, a.plan), arr = coalesce(v.arr, a.arr), updated_at = now()
			from ${jsonRows(updates, SHAPE)}
			where a.workspace_id = ${workspaceId}::uuid and a.id = v.id
			  and (a.external_id, a.name, a.domain, a.industry, a.size, a.lifecycle, a.plan, a.arr) is distinct from
			      (coalesce(a.external_id, v.external_id), coalesce(v.name, a.name), coalesce(v.domain, a.domain), coalesce(v.industry, a.industry),
			       coalesce(v.size, a.size), coalesce(v.lifecycle, a.lifecycle), coalesce(v.plan, a.plan), coalesce(v.arr, a.arr))
			returning a.id`
		);
		markUpdated(outcomes, changed);
	}
	return outcomes as UpsertOutcome[];
}

export function markUpdated(outcomes: (UpsertOutcome | undefined)[], changed: { id: string }[]): void {
	if (!changed.length) return;
	const ids = new Set(changed.map((c) => c.id));
	for (const o of outcomes) if (o && o.status === 'unchanged' && ids.has(o.id)) (o as { status: string }).status = 'updated';
}
