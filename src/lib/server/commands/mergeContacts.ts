import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/index';
import { contact, mergeRecord } from '../db/schema';
import { recordAudit } from '../audit';
import { pickMergedValues, type MergeInput } from '../../domain/hygiene/mergeFields';
import { countAffected, MergeError, moveTaggings, snapshot, type MergeActor } from './mergeSupport';

/**
 * Merges the loser contact into the survivor in one transaction: the survivor takes the chosen
 * field values, every activity, note, task and tag of the loser moves to it, the loser is deleted,
 * and a merge record (both records as they were) and an audit entry are written.
 */
export async function mergeContacts(db: Database, workspaceId: string, actor: MergeActor, input: MergeInput<'contact'>) {
	const { survivorId, loserId } = input;
	if (survivorId === loserId) throw new MergeError('same_record', 'Choose two different contacts to merge.');
	return db.transaction(async (tx) => {
		const rows = await tx
			.select()
			.from(contact)
			.where(and(eq(contact.workspaceId, workspaceId), inArray(contact.id, [survivorId, loserId])))
			.orderBy(contact.id)
			.for('update');
		const survivor = rows.find((r) => r.id === survivorId);
		const loser = rows.find((r) => r.id === loserId);
		if (!survivor || !loser) throw new MergeError('not_found', 'One of these contacts does not exist in this workspace (it may have been merged or erased already).');

		const { values, choices } = pickMergedValues('contact', survivor, loser, input.choices);
		// external ids are unique per workspace: free the loser's before the survivor takes it.
		if (choices.externalId === 'loser') await tx.update(contact).set({ externalId: null }).where(eq(contact.id, loserId));

		const moved = {
			activities: await countAffected(tx, sql`update activity set contact_id = ${survivorId} where workspace_id = ${workspaceId} and contact_id = ${loserId}`),
			notes: await countAffected(tx, sql`update note set contact_id = ${survivorId} where workspace_id = ${workspaceId} and contact_id = ${loserId}`),
			tasks: await countAffected(tx, sql`update task set contact_id = ${survivorId} where workspace_id = ${workspaceId} and contact_id = ${loserId}`),
			tags: await moveTaggings(tx, workspaceId, 'contact_id', survivorId, loserId)
		};
		await tx
			.update(contact)
			.set({ ...(values as Partial<typeof contact.$inferInsert>), updatedAt: new Date() })
			.where(eq(contact.id, survivorId));
		await tx.delete(contact).where(eq(contact.id, loserId));

		const [record] = await tx
			.insert(mergeRecord)
			.values({ workspaceId, kind: 'contact', survivorId, loserId, survivorBefore: snapshot(survivor), loserBefore: snapshot(loser), choices, moved, actorId: actor.userId })
			.returning({ id: mergeRecord.id });
		const name = (c: typeof survivor) => `${c.firstName} ${c.lastName}`.trim();
		await recordAudit(tx, {
			workspaceId,
			actorId: actor.userId,
			actorLabel: actor.label,
			action: 'record.merge',
			subjectType: 'contact',
			subjectId: survivorId,
			summary: `Merged contact ${name(loser)} into ${name(survivor)} (${moved.activities} activities, ${moved.notes} notes, ${moved.tasks} tasks, ${moved.tags} tags moved)`,
			details: { kind: 'contact', survivorId, loserId, mergeRecordId: record.id, choices, moved }
		});
		return { mergeRecordId: record.id, survivorId, moved };
	});
}
