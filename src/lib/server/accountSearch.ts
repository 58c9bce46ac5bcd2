import { and, asc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { Database } from './db/index';
import { account } from './db/schema';
import { likePattern } from './accounts';
import type { AccountLifecycle } from '../domain/crm/vocabulary';

/** One account as a picker shows it: enough to tell two "Acme"s apart. */
export interface AccountChoice {
	id: string;
	name: string;
	domain: string | null;
	lifecycle: AccountLifecycle;
}

const choice = { id: account.id, name: account.name, domain: account.domain, lifecycle: account.lifecycle };

/**
 * Accounts of the workspace whose name or domain contains `q` (case-insensitive), for type-ahead
 * pickers: names that start with `q` first, then the rest, each by name.
 */
export async function searchAccounts(db: Database, workspaceId: string, q: string, limit = 8): Promise<AccountChoice[]> {
	const text = q.trim();
	if (!text) return [];
	const prefix = likePattern(text).slice(1);
	return db
		.select(choice)
		.from(account)
		.where(and(eq(account.workspaceId, workspaceId), or(ilike(account.name, likePattern(text)), ilike(account.domain, likePattern(text)))))
		.orderBy(sql`case when ${account.name} ilike ${prefix} then 0 else 1 end`, asc(account.name), asc(account.id))
		.limit(limit);
}

/** The accounts of these ids that belong to the workspace (others are left out), by name. */
export async function listAccountsByIds(db: Database, workspaceId: string, ids: readonly string[]): Promise<AccountChoice[]> {
	if (ids.length === 0) return [];
	return db
		.select(choice)
		.from(account)
		.where(and(eq(account.workspaceId, workspaceId), inArray(account.id, [...new Set(ids)])))
		.orderBy(asc(account.name));
}

export type ResolvedAccounts = { ok: true; accounts: AccountChoice[] } | { ok: false; message: string };

/**
 * Accounts named by people typing (the pickers' fallback without JavaScript): each term must match
 * exactly one account's name or domain, ignoring case; otherwise a message says which did not.
 */
export async function resolveAccountNames(db: Database, workspaceId: string, terms: readonly string[]): Promise<ResolvedAccounts> {
	const wanted = [...new Set(terms.map((t) => t.trim()).filter(Boolean))];
	if (wanted.length === 0) return { ok: true, accounts: [] };
	const lowered = wanted.map((t) => t.toLowerCase());
	const rows = await db
		.select(choice)
		.from(account)
		.where(and(eq(account.workspaceId, workspaceId), or(inArray(sql`lower(${account.name})`, lowered), inArray(sql`lower(${account.domain})`, lowered))));
	const found: AccountChoice[] = [];
	for (const term of wanted) {
		const t = term.toLowerCase();
		const matches = rows.filter((r) => r.name.toLowerCase() === t || r.domain?.toLowerCase() === t);
		if (matches.length === 0) return { ok: false, message: `No account is named “${term}” or has that domain. Check the spelling, or search the Accounts page.` };
		if (matches.length > 1) return { ok: false, message: `Several accounts are named “${term}”; use the domain instead (${matches.map((m) => m.domain ?? 'no domain').join(', ')}).` };
		if (!found.some((f) => f.id === matches[0].id)) found.push(matches[0]);
	}
	return { ok: true, accounts: found };
}
