/**
 * A smart list's members, evaluated live: the workspace's accounts that pass the attribute filters
 * and, when the list has a rule, for which the rule holds now (the rule compiled to SQL, the same
 * compiler detection sweeps use).
 */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/index';
import { account, user } from '../db/schema';
import type { SmartListDefinition, SmartListFilters } from '$lib/domain/smartLists/definition';
import { runCompiledRule } from '../signals/runCompiledRule';

function filterConditions(workspaceId: string, f: SmartListFilters): SQL[] {
	const where: SQL[] = [eq(account.workspaceId, workspaceId)];
	if (f.lifecycle.length) where.push(inArray(account.lifecycle, f.lifecycle));
	if (f.plan.length) where.push(inArray(account.plan, f.plan));
	if (f.size.length) where.push(inArray(account.size, f.size));
	if (f.ownerId) where.push(eq(account.ownerId, f.ownerId));
	if (f.industry) where.push(sql`lower(${account.industry}) = lower(${f.industry})`);
	return where;
}

/** The member account ids now, sorted; every query is limited to the workspace. */
export async function evaluateMembers(db: Database, workspaceId: string, definition: Pick<SmartListDefinition, 'rule' | 'filters'>, now = new Date()): Promise<string[]> {
	const rows = await db
		.select({ id: account.id })
		.from(account)
		.where(and(...filterConditions(workspaceId, definition.filters)));
	let ids = rows.map((r) => r.id);
	if (definition.rule && ids.length) {
		const hits = await runCompiledRule(db, definition.rule, { workspaceId, now, evidence: 'last' });
		const firing = new Set(hits.filter((h) => h.holdsNow).map((h) => h.accountId));
		ids = ids.filter((id) => firing.has(id));
	}
	return ids.sort();
}

export interface MemberRow {
	id: string;
	name: string;
	domain: string | null;
	lifecycle: string;
	plan: string | null;
	ownerName: string | null;
}

/** Names, owners and stages of some accounts of the workspace, by name; ids of other workspaces are ignored. */
export async function loadMemberRows(db: Database, workspaceId: string, ids: readonly string[], page?: { limit: number; offset: number }): Promise<MemberRow[]> {
	if (ids.length === 0) return [];
	const query = db
		.select({ id: account.id, name: account.name, domain: account.domain, lifecycle: account.lifecycle, plan: account.plan, ownerName: user.name })
		.from(account)
		.leftJoin(user, eq(user.id, account.ownerId))
		.where(and(eq(account.workspaceId, workspaceId), sql`${account.id} = any(${`{${ids.join(',')}}`}::uuid[])`))
		.orderBy(asc(account.name), asc(account.id));
	return page ? query.limit(page.limit).offset(page.offset) : query;
}
