import { sql, type SQL } from 'drizzle-orm';
import type { Database } from './db/index';
import { queryRows } from './db/rows';
import type { ImportEntity } from '../domain/import/fields';

/**
 * What each export holds. Column names follow the import's field names, so an export
 * re-imports with the generic preset.
 */
const EXPORTS: Record<ImportEntity, { columns: string[]; query: (workspaceId: string, after: string | null, limit: number) => SQL }> = {
	accounts: {
		columns: ['id', 'external_id', 'name', 'domain', 'industry', 'size', 'lifecycle', 'plan', 'arr', 'owner', 'created_at', 'updated_at'],
		query: (ws, after, limit) => sql`
			select a.id, a.external_id, a.name, a.domain, a.industry, a.size, a.lifecycle, a.plan, a.arr, u.email as owner, a.created_at, a.updated_at
			from account a left join "user" u on u.id = a.owner_id
			where a.workspace_id = ${ws}::uuid ${after ? sql`and a.id > ${after}::uuid` : sql``}
			order by a.id limit ${limit}`
	},
	contacts: {
		columns: ['id', 'external_id', 'first_name', 'last_name', 'email', 'title', 'lifecycle', 'account_external_id', 'account_domain', 'account_name', 'created_at', 'updated_at'],
		query: (ws, after, limit) => sql`
			select c.id, c.external_id, c.first_name, c.last_name, c.email, c.title, c.lifecycle,
			       a.external_id as account_external_id, a.domain as account_domain, a.name as account_name, c.created_at, c.updated_at
			from contact c left join account a on a.id = c.account_id and a.workspace_id = c.workspace_id
			where c.workspace_id = ${ws}::uuid ${after ? sql`and c.id > ${after}::uuid` : sql``}
			order by c.id limit ${limit}`
	},
	deals: {
		columns: ['id', 'external_id', 'name', 'stage', 'outcome', 'amount', 'opened_on', 'close_on', 'account_external_id', 'account_domain', 'account_name', 'created_at', 'updated_at'],
		query: (ws, after, limit) => sql`
			select d.id, d.external_id, d.name, d.stage, d.outcome, d.amount, d.opened_on, d.close_on,
			       a.external_id as account_external_id, a.domain as account_domain, a.name as account_name, d.created_at, d.updated_at
			from deal d join account a on a.id = d.account_id and a.workspace_id = d.workspace_id
			where d.workspace_id = ${ws}::uuid ${after ? sql`and d.id > ${after}::uuid` : sql``}
			order by d.id limit ${limit}`
	},
	activities: {
		columns: ['id', 'external_id', 'occurred_at', 'type', 'department', 'account_external_id', 'account_domain', 'account_name', 'contact_email', 'subject', 'details', 'properties'],
		query: (ws, after, limit) => sql`
			select v.id, v.external_id, v.occurred_at, v.type, v.department, a.external_id as account_external_id, a.domain as account_domain,
			       a.name as account_name, c.email as contact_email, v.properties->>'subject' as subject, v.properties->>'details' as details,
			       v.properties - 'subject' - 'details' as properties
			from activity v join account a on a.id = v.account_id
			left join contact c on c.id = v.contact_id
			where v.workspace_id = ${ws}::uuid ${after ? sql`and v.id > ${Number(after)}` : sql``}
			order by v.id limit ${limit}`
	}
};

export const exportColumns = (entity: ImportEntity) => EXPORTS[entity].columns;

/** The workspace's records of one kind, a page at a time in id order (keyset), as arrays in exportColumns order. */
export async function* exportRecords(db: Database, workspaceId: string, entity: ImportEntity, pageSize = 2000): AsyncGenerator<unknown[][]> {
	const { columns, query } = EXPORTS[entity];
	let after: string | null = null;
	for (;;) {
		const rows: Record<string, unknown>[] = await queryRows<Record<string, unknown>>(db, query(workspaceId, after, pageSize));
		if (!rows.length) return;
		yield rows.map((row) => columns.map((c) => normalizeCell(row[c])));
		after = String(rows[rows.length - 1].id);
		if (rows.length < pageSize) return;
	}
}

function normalizeCell(value: unknown): unknown {
	if (value instanceof Date) return value.toISOString();
	if (value && typeof value === 'object') return Object.keys(value).length ? JSON.stringify(value) : '';
	return value;
}
