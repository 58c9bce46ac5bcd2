import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Database } from '../db/index';
import { account, activity, contact, deal, mergeRecord, note, tag, tagging, task } from '../db/schema';
import { queryRows } from '../db/rows';
import { recordAudit } from '../audit';
import type { MergeActor } from '../commands/mergeSupport';

/**
 * Everything the workspace holds about one contact (GDPR art. 15 / CCPA access request): the
 * contact's fields, their account, activities, notes, tasks, the account's deals and those the
 * notes or tasks name, tags, practice-session tags on their activities, and merges they went
 * through. Records a `contact.export` audit entry in the same transaction. Null when the contact
 * is not in this workspace.
 */
export async function exportContactData(db: Database, workspaceId: string, contactId: string, actor: MergeActor, now = new Date()) {
	return db.transaction(async (tx) => {
		const [person] = await tx.select().from(contact).where(and(eq(contact.workspaceId, workspaceId), eq(contact.id, contactId)));
		if (!person) return null;
		const [company] = person.accountId
			? await tx.select({ id: account.id, name: account.name, domain: account.domain }).from(account).where(and(eq(account.workspaceId, workspaceId), eq(account.id, person.accountId)))
			: [];
		const activities = await tx
			.select({ id: activity.id, type: activity.type, occurredAt: activity.occurredAt, department: activity.department, properties: activity.properties })
			.from(activity)
			.where(and(eq(activity.workspaceId, workspaceId), eq(activity.contactId, contactId)))
			.orderBy(asc(activity.occurredAt), asc(activity.id));
		const notes = await tx
			.select({ id: note.id, body: note.body, dealId: note.dealId, createdAt: note.createdAt, updatedAt: note.updatedAt })
			.from(note)
			.where(and(eq(note.workspaceId, workspaceId), eq(note.contactId, contactId)))
			.orderBy(asc(note.createdAt));
		const tasks = await tx
			.select({ id: task.id, title: task.title, status: task.status, dueOn: task.dueOn, dealId: task.dealId, createdAt: task.createdAt, completedAt: task.completedAt })
			.from(task)
			.where(and(eq(task.workspaceId, workspaceId), eq(task.contactId, contactId)))
			.orderBy(asc(task.createdAt));
		const dealIds = [...notes, ...tasks].map((r) => r.dealId).filter((id): id is string => !!id);
		const deals = await tx
			.select({ id: deal.id, name: deal.name, stage: deal.stage, amount: deal.amount, openedOn: deal.openedOn, closeOn: deal.closeOn })
			.from(deal)
			.where(
				and(
					eq(deal.workspaceId, workspaceId),
					or(person.accountId ? eq(deal.accountId, person.accountId) : sql`false`, dealIds.length ? inArray(deal.id, dealIds) : sql`false`)
				)
			)
			.orderBy(asc(deal.openedOn), asc(deal.id));
		const tags = await tx
			.select({ name: tag.name, taggedAt: tagging.createdAt })
			.from(tagging)
			.innerJoin(tag, eq(tag.id, tagging.tagId))
			.where(and(eq(tagging.workspaceId, workspaceId), eq(tagging.contactId, contactId)));
		const activityIds = activities.map((a) => a.id);
		const sessionTags = activityIds.length
			? await queryRows<Record<string, unknown>>(
					tx,
					sql`select s.title as session, t.value->>'activityId' as "activityId", t.value->'signal' as signal, t.value->>'polarity' as polarity,
						t.value->>'interpretation' as interpretation, t.value->>'addedAt' as "addedAt"
					from practice_session s cross join lateral jsonb_array_elements(coalesce(s.state->'tags', '[]'::jsonb)) t(value)
					where s.workspace_id = ${workspaceId} and (t.value->>'activityId')::bigint = any(${sql.raw(`array[${activityIds.join(',')}]::bigint[]`)})
					order by t.value->>'addedAt'`
				)
			: [];
		const merges = await tx
			.select({ kind: mergeRecord.kind, at: mergeRecord.createdAt, survivorBefore: mergeRecord.survivorBefore, loserBefore: mergeRecord.loserBefore })
			.from(mergeRecord)
			.where(and(eq(mergeRecord.workspaceId, workspaceId), eq(mergeRecord.kind, 'contact'), or(eq(mergeRecord.survivorId, contactId), eq(mergeRecord.loserId, contactId))));

		const name = `${person.firstName} ${person.lastName}`.trim();
		await recordAudit(tx, {
			workspaceId,
			actorId: actor.userId,
			actorLabel: actor.label,
			action: 'contact.export',
			subjectType: 'contact',
			subjectId: contactId,
			summary: `Exported the personal data of ${name} (${activities.length} activities, ${notes.length} notes, ${tasks.length} tasks)`,
			details: { activities: activities.length, notes: notes.length, tasks: tasks.length, deals: deals.length }
		});
		return {
			exportedAt: now.toISOString(),
			contact: person,
			account: company ?? null,
			activities,
			notes,
			tasks,
			deals,
			tags,
			sessionTags,
			merges
		};
	});
}
