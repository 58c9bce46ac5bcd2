/**
 * Creates or edits a smart list and, in the same transaction, stores today's snapshot of its
 * members, so a new list has its first point and an edited one's today follows the new definition.
 */
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Database } from '../db/index';
import { membership, smartList } from '../db/schema';
import { parseSmartListDefinition, type DefinitionErrors } from '$lib/domain/smartLists/definition';
import { evaluateMembers } from '../smartLists/members';
import { storeSnapshot } from '../smartLists/snapshots';
import { RuleCompileError } from '../signals/compileValueTest';
import { isUniqueViolation } from '../db/errors';

export type SaveSmartListResult = { ok: true; id: string; members: number } | { ok: false; errors: DefinitionErrors };

class Refused extends Error {
	constructor(readonly errors: DefinitionErrors) {
		super('refused');
	}
}

/**
 * `input` is what a form or the seed sends (see smartListInput); `id` edits that list of the
 * workspace (a list of another workspace is refused as missing). Never throws for bad input.
 */
export async function saveSmartList(db: Database, workspaceId: string, actorId: string, input: unknown, options: { id?: string; now?: Date } = {}): Promise<SaveSmartListResult> {
	const parsed = parseSmartListDefinition(input);
	if (!parsed.ok) return parsed;
	const d = parsed.definition;
	const now = options.now ?? new Date();
	try {
		return await db.transaction(async (t) => {
			const tx = t as unknown as Database;
			if (d.filters.ownerId) {
				const [owner] = await tx
					.select({ userId: membership.userId })
					.from(membership)
					.where(and(eq(membership.workspaceId, workspaceId), eq(membership.userId, d.filters.ownerId)));
				if (!owner) throw new Refused({ 'filters.ownerId': 'Choose an owner from the list of this workspace’s members.' });
			}
			const [clash] = await tx
				.select({ id: smartList.id })
				.from(smartList)
				.where(and(eq(smartList.workspaceId, workspaceId), sql`lower(${smartList.name}) = lower(${d.name})`, options.id ? ne(smartList.id, options.id) : undefined));
			if (clash) throw new Refused({ name: `There is already a list named “${d.name}”. Choose another name, or edit that list.` });
			const values = { name: d.name, description: d.description, rule: d.ruleText, filters: d.filters, updatedBy: actorId, updatedAt: now };
			let id: string;
			if (options.id) {
				const [row] = await tx
					.update(smartList)
					.set(values)
					.where(and(eq(smartList.workspaceId, workspaceId), eq(smartList.id, options.id)))
					.returning({ id: smartList.id });
				if (!row) throw new Refused({ form: 'This list no longer exists: someone deleted it. Create it again if you still need it.' });
				id = row.id;
			} else {
				const [row] = await tx
					.insert(smartList)
					.values({ ...values, workspaceId, createdBy: actorId, createdAt: now })
					.returning({ id: smartList.id });
				id = row.id;
			}
			const members = await evaluateMembers(tx, workspaceId, d, now);
			await storeSnapshot(tx, workspaceId, id, members, now, 'replace');
			return { ok: true as const, id, members: members.length };
		});
	} catch (e) {
		if (e instanceof Refused) return { ok: false, errors: e.errors };
		// Two people saved the same new name at the same moment: the unique index refused the second.
		if (isUniqueViolation(e)) return { ok: false, errors: { name: `There is already a list named “${d.name}”. Choose another name.` } };
		if (e instanceof RuleCompileError) return { ok: false, errors: { rule: `The rule cannot run over the store: ${e.message}.` } };
		throw e;
	}
}
