import { sql } from 'drizzle-orm';
import type { Database } from '../db/index';
import { queryRows } from '../db/rows';
import type { DealRecord } from '../../domain/import/records';
import { fail, jsonRows, refuseRepeatedKeys, splitUpserts, type UpsertOutcome } from './outcome';
import { accountRefField, missingAccountMessage, resolveAccountRefs } from './resolveAccounts';
import { markUpdated } from './upsertAccounts';

const SHAPE = 'id uuid, external_id text, name text, stage deal_stage, amount integer, opened_on date, close_on date, account_id uuid';

/**
 * Creates or updates a batch of deals: each record matches a deal of the workspace by external
 * id, else by the same name on the same account. Every deal needs its account (external id,
 * domain or name). The outcome follows the stage. Run it inside a transaction.
 */
export async function upsertDeals(db: Database, workspaceId: string, records: readonly DealRecord[]): Promise<UpsertOutcome[]> {
	const outcomes: (UpsertOutcome | undefined)[] = new Array(records.length);
	const accountIds = await resolveAccountRefs(db, workspaceId, records.map((r) => r.account));
	records.forEach((r, i) => {
		if (!r.account) outcomes[i] = fail('accountExternalId', 'is empty; every deal belongs to an account');
		else if (!accountIds[i]) outcomes[i] = fail(accountRefField(r.account), missingAccountMessage(r.account));
	});
	refuseRepeatedKeys(
		records,
		outcomes,
		(r) => (r.externalId ? [{ key: `x:${r.externalId}`, field: 'externalId', label: 'external id' }] : []),
		'deal'
	);
	const probe = records.flatMap((r, i) => (outcomes[i] ? [] : [{ i, x: r.externalId, n: r.name, a: accountIds[i] }]));
	const matches = probe.length
		? await queryRows<{ i: number; id: string | null }>(
				db,
				sql`select v.i, coalesce(
					(select d.id from deal d where d.workspace_id = ${workspaceId}::uuid and d.external_id = v.x),
					(select d.id from deal d where d.workspace_id = ${workspaceId}::uuid and v.x is null and d.account_id = v.a and d.name = v.n
					 order by d.created_at, d.id limit 1)
				) as id from ${jsonRows(probe, 'i int, x text, n text, a uuid')}`
			)
		: [];
	const matchOf = new Map(matches.filter((m) => m.id).map((m) => [Number(m.i), m.id!]));

	const { inserts, updates } = splitUpserts(records, outcomes, matchOf, {
		noun: 'deal',
		toRow: (r, i) => ({ external_id: r.externalId, name: r.name, stage: r.stage, amount: r.amount, opened_on: r.openedOn, close_on: r.closeOn, account_id: accountIds[i] }),
		matchField: (r) => (r.externalId ? 'externalId' : 'name'),
		missing: (r) => (r.name ? null : { field: 'name', message: 'is empty; a new deal needs a name' })
	});

	const outcome = (stage: string) =>
		sql.raw(`case ${stage} when 'closed_won' then 'won'::deal_outcome when 'closed_lost' then 'lost'::deal_outcome else 'open'::deal_outcome end`);
	if (inserts.length) {
		await db.execute(sql`insert into deal (id, workspace_id, external_id, name, stage, outcome, amount, opened_on, close_on, account_id)
			select v.id, ${workspaceId}::uuid, v.external_id, v.name, coalesce(v.stage, 'discovery'), ${outcome("coalesce(v.stage, 'discovery')")},
			       coalesce(v.amount, 0), coalesce(v.opened_on, least(current_date, coalesce(v.close_on, current_date))), v.close_on, v.account_id
			from ${jsonRows(inserts, SHAPE)}`);
	}
	if (updates.length) {
		const changed = await queryRows<{ id: string }>(
			db,
			sql`update deal d set
				external_id = coalesce(d.external_id, v.external_id), name = coalesce(v.name, d.name), stage = coalesce(v.stage, d.stage),
				outcome = ${outcome('coalesce(v.stage, d.stage)')}, amount = coalesce(v.amount, d.amount),
				opened_on = coalesce(v.opened_on, d.opened_on), close_on = coalesce(v.close_on, d.close_on), account_id = v.account_id, updated_at = now()
			from ${jsonRows(updates, SHAPE)}
			where d.workspace_id = ${workspaceId}::uuid and d.id = v.id
			  and (d.external_id, d.name, d.stage, d.amount, d.opened_on, d.close_on, d.account_id) is distinct from
			      (coalesce(d.external_id, v.external_id), coalesce(v.name, d.name), coalesce(v.stage, d.stage), coalesce(v.amount, d.amount),
			       coalesce(v.opened_on, d.opened_on), coalesce(v.close_on, d.close_on), v.account_id)
			returning d.id`
		);
		markUpdated(outcomes, changed);
	}
	return outcomes as UpsertOutcome[];
}
