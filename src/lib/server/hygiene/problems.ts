import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/index';
import { queryRows } from '../db/rows';
import { EMAIL_PATTERN } from '../../domain/hygiene/emailPattern';
import { IMPORTANT_FIELDS, type FieldCheckKind } from '../../domain/hygiene/importantFields';

export interface ProblemList<T> {
	count: number;
	top: T[];
}

/** "case when <blank> then 'key' end" per field, gathered into an array of the missing keys. */
function missingKeys(kind: FieldCheckKind, alias: string): SQL {
	const cases = IMPORTANT_FIELDS[kind].map((f) => {
		const col = `${alias}.${f.column}`;
		const blank = f.column.endsWith('_id') || f.column.endsWith('_on') ? `${col} is null` : `coalesce(trim(${col}), '') = ''`;
		return `case when ${blank} then '${f.key}' end`;
	});
	return sql.raw(`array_remove(array[${cases.join(', ')}], null)`);
}

interface MissingRow {
	id: string;
	name: string;
	missing: string[];
	count: number;
}

const FROM: Record<FieldCheckKind, SQL> = {
	contact: sql`contact r where r.workspace_id = `,
	account: sql`account r where r.workspace_id = `,
	deal: sql`deal r where r.outcome = 'open' and r.workspace_id = `
};
const NAME: Record<FieldCheckKind, SQL> = {
	contact: sql`trim(r.first_name || ' ' || r.last_name)`,
	account: sql`r.name`,
	deal: sql`r.name`
};

/** Records missing a required or important field (IMPORTANT_FIELDS), most missing first. */
export async function findIncompleteRecords(db: Database, workspaceId: string, kind: FieldCheckKind, limit = 25): Promise<ProblemList<{ id: string; name: string; missing: string[] }>> {
	const rows = await queryRows<MissingRow>(
		db,
		sql`with found as (
			select r.id, ${NAME[kind]} as name, ${missingKeys(kind, 'r')} as missing from ${FROM[kind]}${workspaceId}
		), problems as (select * from found where cardinality(missing) > 0)
		select p.*, c.count from (select count(*)::int as count from problems) c
		left join lateral (select * from problems order by cardinality(missing) desc, name, id limit ${limit}) p on true`
	);
	return { count: rows[0]?.count ?? 0, top: rows.filter((r) => r.id).map(({ id, name, missing }) => ({ id, name, missing })) };
}

/** Contacts whose email does not look like an address (EMAIL_PATTERN, the same test forms use). */
export async function findInvalidEmails(db: Database, workspaceId: string, limit = 25) {
	const rows = await queryRows<{ id: string; name: string; email: string; count: number }>(
		db,
		sql`with problems as (
			select id, trim(first_name || ' ' || last_name) as name, email from contact
			where workspace_id = ${workspaceId} and coalesce(email, '') <> '' and email !~* ${EMAIL_PATTERN}
		)
		select p.*, c.count from (select count(*)::int as count from problems) c
		left join lateral (select * from problems order by name, id limit ${limit}) p on true`
	);
	return { count: rows[0]?.count ?? 0, top: rows.filter((r) => r.id).map(({ id, name, email }) => ({ id, name, email })) };
}

/**
 * Accounts with no activity since `cutoff` (churned accounts are left out: silence is expected).
 * One probe of the timeline index (workspace, account, occurred_at) per account.
 */
export async function findStaleAccounts(db: Database, workspaceId: string, cutoff: Date, limit = 25) {
	const rows = await queryRows<{ id: string; name: string; last_activity_at: string | Date | null; count: number }>(
		db,
		sql`with problems as (
			select a.id, a.name from account a
			where a.workspace_id = ${workspaceId} and a.lifecycle <> 'churned'
				and not exists (select 1 from activity x where x.workspace_id = ${workspaceId} and x.account_id = a.id and x.occurred_at >= ${cutoff.toISOString()}::timestamptz)
		), listed as (
			select p.id, p.name,
				(select max(x.occurred_at) from activity x where x.workspace_id = ${workspaceId} and x.account_id = p.id) as last_activity_at
			from problems p
		)
		select l.*, c.count from (select count(*)::int as count from problems) c
		left join lateral (select * from listed order by last_activity_at asc nulls first, name, id limit ${limit}) l on true`
	);
	return {
		count: rows[0]?.count ?? 0,
		top: rows.filter((r) => r.id).map((r) => ({ id: r.id, name: r.name, lastActivityAt: r.last_activity_at ? new Date(r.last_activity_at) : null }))
	};
}

/** Open deals whose expected close date has passed, the longest overdue first. */
export async function findOverdueDeals(db: Database, workspaceId: string, today: string, limit = 25) {
	const rows = await queryRows<{ id: string; name: string; close_on: string; account_name: string; amount: number; count: number }>(
		db,
		sql`with problems as (
			select d.id, d.name, d.close_on::text as close_on, a.name as account_name, d.amount from deal d
			join account a on a.id = d.account_id and a.workspace_id = d.workspace_id
			where d.workspace_id = ${workspaceId} and d.outcome = 'open' and d.close_on < ${today}::date
		)
		select p.*, c.count from (select count(*)::int as count from problems) c
		left join lateral (select * from problems order by close_on, name, id limit ${limit}) p on true`
	);
	return {
		count: rows[0]?.count ?? 0,
		top: rows.filter((r) => r.id).map((r) => ({ id: r.id, name: r.name, closeOn: r.close_on, accountName: r.account_name, amount: r.amount }))
	};
}

/** How many records of each kind the score compares problems against. */
export async function countRecords(db: Database, workspaceId: string) {
	const [row] = await queryRows<{ contacts: number; accounts: number; open_deals: number }>(
		db,
		sql`select (select count(*)::int from contact where workspace_id = ${workspaceId}) as contacts,
			(select count(*)::int from account where workspace_id = ${workspaceId}) as accounts,
			(select count(*)::int from deal where workspace_id = ${workspaceId} and outcome = 'open') as open_deals`
	);
	return { contacts: row.contacts, accounts: row.accounts, openDeals: row.open_deals };
}
