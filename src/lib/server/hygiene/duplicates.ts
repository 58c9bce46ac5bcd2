import { sql } from 'drizzle-orm';
import type { Database } from '../db/index';
import { queryRows } from '../db/rows';
import { NAME_SIMILARITY } from '../../domain/hygiene/similarity';

export interface DuplicatePair {
	reason: 'email' | 'domain' | 'name';
	/** 1 for an exact email or domain match; pg_trgm similarity of the names otherwise. */
	similarity: number;
	a: { id: string; name: string; detail: string | null; activities: number };
	b: { id: string; name: string; detail: string | null; activities: number };
}

export interface DuplicateReport {
	/** Records that appear in at least one candidate pair (what the score counts). */
	involved: number;
	pairs: number;
	/** The strongest candidates first: exact matches, then by name similarity. */
	top: DuplicatePair[];
}

/** The SQL side of normalizeDomain (crm/slug.ts): lower case, no scheme, no www., no path or port. */
const normalizedDomain = (column: string) =>
	sql.raw(`nullif(regexp_replace(regexp_replace(regexp_replace(lower(trim(${column})), '^[a-z][a-z0-9+.-]*://', ''), '^www\\.', ''), '[/?#:].*$|\\.$', ''), '')`);

interface PairRow {
	a_id: string;
	b_id: string;
	reason: DuplicatePair['reason'];
	similarity: number;
	pairs: number;
	involved: number;
}

/**
 * Contacts that look like the same person: the same email (any case), or names at least
 * NAME_SIMILARITY alike (pg_trgm) within one account. Set-based; the name pairs only compare
 * contacts of the same account, so the work grows with contacts per account, not their square.
 */
export async function findDuplicateContacts(db: Database, workspaceId: string, limit = 25): Promise<DuplicateReport> {
	const rows = await queryRows<PairRow>(
		db,
		sql`with pairs as (
			select a.id as a_id, b.id as b_id, 'email' as reason, 1::real as similarity
			from contact a join contact b on b.workspace_id = a.workspace_id and lower(b.email) = lower(a.email) and a.id < b.id
			where a.workspace_id = ${workspaceId} and a.email is not null and a.email <> ''
			union all
			select a.id, b.id, 'name', similarity(lower(a.first_name || ' ' || a.last_name), lower(b.first_name || ' ' || b.last_name))
			from contact a join contact b on b.workspace_id = a.workspace_id and b.account_id = a.account_id and a.id < b.id
			where a.workspace_id = ${workspaceId} and a.account_id is not null
				and similarity(lower(a.first_name || ' ' || a.last_name), lower(b.first_name || ' ' || b.last_name)) >= ${NAME_SIMILARITY}
				and (a.email is null or b.email is null or lower(a.email) <> lower(b.email))
		), summary as (
			select count(*)::int as pairs, (select count(*)::int from (select a_id from pairs union select b_id from pairs) ids) as involved from pairs
		)
		select p.*, s.pairs, s.involved from summary s
		left join lateral (select * from pairs order by (reason = 'email') desc, similarity desc, a_id, b_id limit ${limit}) p on true`
	);
	return describePairs(db, workspaceId, rows, 'contact');
}

/**
 * Accounts that look like the same company: the same normalized domain, or names at least
 * NAME_SIMILARITY alike. The name pairs use the trigram index on lower(name) (account_name_trgm_idx).
 */
export async function findDuplicateAccounts(db: Database, workspaceId: string, limit = 25): Promise<DuplicateReport> {
	const rows = await db.transaction(async (tx) => {
		await tx.execute(sql`select set_config('pg_trgm.similarity_threshold', ${String(NAME_SIMILARITY)}, true)`);
		return queryRows<PairRow>(
			tx,
			sql`with normalized as (
				select id, ${normalizedDomain('domain')} as domain from account where workspace_id = ${workspaceId} and domain is not null
			), pairs as (
				select a.id as a_id, b.id as b_id, 'domain' as reason, 1::real as similarity
				from normalized a join normalized b on b.domain = a.domain and a.id < b.id
				union all
				select a.id, b.id, 'name', similarity(lower(a.name), lower(b.name))
				from account a join account b on lower(b.name) % lower(a.name) and b.workspace_id = a.workspace_id and a.id < b.id
				where a.workspace_id = ${workspaceId}
					and (a.domain is null or b.domain is null or ${normalizedDomain('a.domain')} is distinct from ${normalizedDomain('b.domain')})
			), summary as (
				select count(*)::int as pairs, (select count(*)::int from (select a_id from pairs union select b_id from pairs) ids) as involved from pairs
			)
			select p.*, s.pairs, s.involved from summary s
			left join lateral (select * from pairs order by (reason = 'domain') desc, similarity desc, a_id, b_id limit ${limit}) p on true`
		);
	});
	return describePairs(db, workspaceId, rows, 'account');
}

interface RecordRow {
	id: string;
	name: string;
	detail: string | null;
	activities: number;
}

async function describePairs(db: Database, workspaceId: string, rows: PairRow[], kind: 'contact' | 'account'): Promise<DuplicateReport> {
	const found = rows.filter((r) => r.a_id);
	const ids = [...new Set(found.flatMap((r) => [r.a_id, r.b_id]))];
	const records = ids.length === 0 ? [] : await describeRecords(db, workspaceId, kind, ids);
	const byId = new Map(records.map((r) => [r.id, { ...r, activities: Number(r.activities) }]));
	return {
		involved: rows[0]?.involved ?? 0,
		pairs: rows[0]?.pairs ?? 0,
		top: found
			.filter((r) => byId.has(r.a_id) && byId.has(r.b_id))
			.map((r) => ({ reason: r.reason, similarity: Number(r.similarity), a: byId.get(r.a_id)!, b: byId.get(r.b_id)! }))
	};
}

function describeRecords(db: Database, workspaceId: string, kind: 'contact' | 'account', ids: string[]) {
	const idList = sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);
	if (kind === 'contact')
		return queryRows<RecordRow>(
			db,
			sql`select c.id, trim(c.first_name || ' ' || c.last_name) as name,
				concat_ws(' · ', c.email, a.name) as detail,
				(select count(*)::int from activity x where x.contact_id = c.id) as activities
			from contact c left join account a on a.id = c.account_id and a.workspace_id = c.workspace_id
			where c.workspace_id = ${workspaceId} and c.id in (${idList})`
		);
	return queryRows<RecordRow>(
		db,
		sql`select a.id, a.name, a.domain as detail,
			(select count(*)::int from activity x where x.workspace_id = a.workspace_id and x.account_id = a.id) as activities
		from account a where a.workspace_id = ${workspaceId} and a.id in (${idList})`
	);
}
