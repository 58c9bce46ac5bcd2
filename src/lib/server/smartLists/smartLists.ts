/** Smart lists of a workspace: read, delete, and their definitions parsed back for evaluation. */
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../db/index';
import { smartList } from '../db/schema';
import { parseRule } from '$lib/domain/signals/parseRule';
import type { SmartListDefinition } from '$lib/domain/smartLists/definition';

export type SmartListRow = typeof smartList.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function listSmartLists(db: Database, workspaceId: string): Promise<SmartListRow[]> {
	return db.select().from(smartList).where(eq(smartList.workspaceId, workspaceId)).orderBy(asc(smartList.name));
}

/** One list of this workspace; null for another workspace's id or anything that is not an id. */
export async function getSmartList(db: Database, workspaceId: string, id: string): Promise<SmartListRow | null> {
	if (!UUID.test(id)) return null;
	const [row] = await db
		.select()
		.from(smartList)
		.where(and(eq(smartList.workspaceId, workspaceId), eq(smartList.id, id)));
	return row ?? null;
}

/** The stored definition, ready to evaluate. A rule that no longer reads (the language changed) is reported, not thrown. */
export function definitionOf(row: SmartListRow): SmartListDefinition & { ruleProblem: string | null } {
	const parsed = row.rule === null ? null : parseRule(row.rule);
	return {
		name: row.name,
		description: row.description,
		ruleText: row.rule,
		rule: parsed?.ok ? parsed.rule : null,
		filters: row.filters,
		ruleProblem: parsed && !parsed.ok ? parsed.error.message : null
	};
}

/** Deletes a list of this workspace (its snapshots go with it); false when there was none. */
export async function deleteSmartList(db: Database, workspaceId: string, id: string): Promise<boolean> {
	if (!UUID.test(id)) return false;
	const gone = await db
		.delete(smartList)
		.where(and(eq(smartList.workspaceId, workspaceId), eq(smartList.id, id)))
		.returning({ id: smartList.id });
	return gone.length > 0;
}
