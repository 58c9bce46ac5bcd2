import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/index';
import { account, mergeRecord } from '../db/schema';
import { queryRows } from '../db/rows';
import { recordAudit } from '../audit';
import { pickMergedValues, type MergeInput } from '../../domain/hygiene/mergeFields';
import { countAffected, MergeError, moveTaggings, snapshot, type MergeActor } from './mergeSupport';

/**
 * Merges the loser account into the survivor in one transaction: the survivor takes the chosen
 * field values; the loser's contacts, deals, activities, notes, tasks and tags move to it; practice
 * sessions that walked or tagged the loser point at the survivor; the loser is deleted; a merge
 * record and an audit entry are written. Refused while a live session is looking at the loser,
 * since its participants hold that account's id in their open pages.
 */
export async function mergeAccounts(db: Database, workspaceId: string, actor: MergeActor, input: MergeInput<'account'>) {
	const { survivorId, loserId } = input;
	if (survivorId === loserId) throw new MergeError('same_record', 'Choose two different accounts to merge.');
	return db.transaction(async (tx) => {
		const rows = await tx
			.select()
			.from(account)
			.where(and(eq(account.workspaceId, workspaceId), inArray(account.id, [survivorId, loserId])))
			.orderBy(account.id)
			.for('update');
		const survivor = rows.find((r) => r.id === survivorId);
		const loser = rows.find((r) => r.id === loserId);
		if (!survivor || !loser) throw new MergeError('not_found', 'One of these accounts does not exist in this workspace (it may have been merged already).');

		const mentions = sql`(plan::text like ${'%' + loserId + '%'} or state::text like ${'%' + loserId + '%'})`;
		const live = await queryRows<{ title: string }>(tx, sql`select title from practice_session where workspace_id = ${workspaceId} and status = 'live' and ${mentions} limit 1`);
		if (live.length) throw new MergeError('live_session', `The live session "${live[0].title}" is using ${loser.name}. Merge after it ends.`);

		const { values, choices } = pickMergedValues('account', survivor, loser, input.choices);
		if (choices.externalId === 'loser') await tx.update(account).set({ externalId: null }).where(eq(account.id, loserId));

		const move = (table: string) =>
			countAffected(tx, sql`update ${sql.raw(table)} set account_id = ${survivorId} where workspace_id = ${workspaceId} and account_id = ${loserId}`);
		const moved = {
			contacts: await move('contact'),
			deals: await move('deal'),
			activities: await move('activity'),
			notes: await move('note'),
			tasks: await move('task'),
			tags: await moveTaggings(tx, workspaceId, 'account_id', survivorId, loserId),
			sessions: await countAffected(
				tx,
				sql`update practice_session set plan = replace(plan::text, ${loserId}, ${survivorId})::jsonb, state = replace(state::text, ${loserId}, ${survivorId})::jsonb
					where workspace_id = ${workspaceId} and ${mentions}`
			),
			sessionEvents: await countAffected(
				tx,
				sql`update session_event set event = replace(event::text, ${loserId}, ${survivorId})::jsonb
					where session_id in (select id from practice_session where workspace_id = ${workspaceId}) and event::text like ${'%' + loserId + '%'}`
			)
		};

		await tx
			.update(account)
			.set({ ...(values as Partial<typeof account.$inferInsert>), updatedAt: new Date() })
			.where(eq(account.id, survivorId));
		await tx.delete(account).where(eq(account.id, loserId));

		const [record] = await tx
			.insert(mergeRecord)
			.values({ workspaceId, kind: 'account', survivorId, loserId, survivorBefore: snapshot(survivor), loserBefore: snapshot(loser), choices, moved, actorId: actor.userId })
			.returning({ id: mergeRecord.id });
		await recordAudit(tx, {
			workspaceId,
			actorId: actor.userId,
			actorLabel: actor.label,
			action: 'record.merge',
			subjectType: 'account',
			subjectId: survivorId,
			summary: `Merged account ${loser.name} into ${survivor.name} (${moved.contacts} contacts, ${moved.deals} deals, ${moved.activities} activities, ${moved.notes} notes, ${moved.tasks} tasks moved)`,
			details: { kind: 'account', survivorId, loserId, mergeRecordId: record.id, choices, moved }
		});
		return { mergeRecordId: record.id, survivorId, moved };
	});
}
