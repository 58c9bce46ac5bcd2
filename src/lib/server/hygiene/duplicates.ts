import { sql } from 'drizzle-orm';
import type { Database } from '../db/index';
import { queryRows } from '../db/rows';
import { findDuplicateCandidates, type DedupRecord } from '../../domain/hygiene/duplicateCandidates';
import { normalizeDomain } from '../../domain/crm/slug';
import { ACCOUNT_NAME_SIMILARITY, NAME_SIMILARITY } from '../../domain/hygiene/similarity';

export interface DuplicatePair {
	reason: 'email' | 'domain' | 'name';
	/** 1 for an exact email or domain match; the names' trigram similarity otherwise. */
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

/**
 * Contacts that look like the same person: the same email (any case), or names at least
 * NAME_SIMILARITY alike within one account. One narrow read of the workspace's contacts (id,
 * account, name, email: a few MB for 100,000), then the domain's set-similarity join.
 */
export async function findDuplicateContacts(db: Database, workspaceId: string, limit = 25): Promise<DuplicateReport> {
	const rows = await queryRows<{ id: string; account_id: string | null; name: string; email: string | null }>(
		db,
		sql`select id, account_id, first_name || ' ' || last_name as name, nullif(lower(trim(email)), '') as email
		from contact where workspace_id = ${workspaceId} order by created_at, id`
	);
	const records: DedupRecord[] = rows.map((r) => ({ id: r.id, name: r.name, key: r.email, group: r.account_id ?? `none:${r.id}` }));
	return describe(db, workspaceId, 'contact', records, limit, NAME_SIMILARITY);
}

/**
 * Accounts that look like the same company: the same domain once normalized (normalizeDomain:
 * `https://www.acme.com/` is `acme.com`), or names at least ACCOUNT_NAME_SIMILARITY alike.
 */
export async function findDuplicateAccounts(db: Database, workspaceId: string, limit = 25): Promise<DuplicateReport> {
	const rows = await queryRows<{ id: string; name: string; domain: string | null }>(
		db,
		sql`select id, name, domain from account where workspace_id = ${workspaceId} order by created_at, id`
	);
	const records: DedupRecord[] = rows.map((r) => ({ id: r.id, name: r.name, key: r.domain ? normalizeDomain(r.domain) || null : null }));
	return describe(db, workspaceId, 'account', records, limit, ACCOUNT_NAME_SIMILARITY);
}

async function describe(db: Database, workspaceId: string, kind: 'contact' | 'account', records: DedupRecord[], limit: number, threshold: number): Promise<DuplicateReport> {
	const { pairs, involved } = findDuplicateCandidates(records, threshold);
	const top = pairs.slice(0, limit);
	const ids = [...new Set(top.flatMap((p) => [p.a, p.b]))];
	const described = ids.length === 0 ? [] : await describeRecords(db, workspaceId, kind, ids);
	const byId = new Map(described.map((r) => [r.id, { ...r, activities: Number(r.activities) }]));
	const exact = kind === 'contact' ? 'email' : 'domain';
	return {
		involved,
		pairs: pairs.length,
		top: top
			.filter((p) => byId.has(p.a) && byId.has(p.b))
			.map((p) => ({ reason: p.reason === 'key' ? exact : 'name', similarity: p.similarity, a: byId.get(p.a)!, b: byId.get(p.b)! }))
	};
}

interface RecordRow {
	id: string;
	name: string;
	detail: string | null;
	activities: number;
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
