import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/index';
import { contact } from '../db/schema';
import { queryRows } from '../db/rows';
import { recordAudit } from '../audit';
import { countAffected, type MergeActor } from '../commands/mergeSupport';
import { confirmsErasure, erasureNeedles, erasurePattern } from '../../domain/hygiene/erasure';

export class ErasureError extends Error {
	constructor(
		readonly code: 'not_found' | 'not_confirmed',
		message: string,
		readonly status: 400 | 404 = code === 'not_found' ? 404 : 400
	) {
		super(message);
	}
}

const ERASED = '[erased]';

/**
 * Erases a contact (GDPR art. 17 / CCPA deletion) in one transaction, once the admin typed the
 * contact's full name or email. The contact row and its tags go. Activities stay, on the same
 * account with the same type, time and department, so counts and rules still add up, but lose
 * their link to the person and any mention of their name or email. Notes, tasks, deals, session
 * records, earlier merge records and audit summaries in the workspace are scrubbed of those
 * mentions too; merge snapshots of this person are replaced. The audit entry names no personal
 * data. Activities of other accounts are not scanned (they are the large table; a person's
 * activities belong to their own account).
 */
export async function eraseContact(db: Database, workspaceId: string, contactId: string, actor: MergeActor, confirmation: string) {
	return db.transaction(async (tx) => {
		const [person] = await tx.select().from(contact).where(and(eq(contact.workspaceId, workspaceId), eq(contact.id, contactId))).for('update');
		if (!person) throw new ErasureError('not_found', 'This contact does not exist in this workspace (it may have been erased already).');
		if (!confirmsErasure(confirmation, person))
			throw new ErasureError('not_confirmed', 'Type the contact’s full name or email exactly as shown to confirm the erasure.');

		const pattern = erasurePattern(erasureNeedles(person));
		const scrub = (expr: string) => (pattern ? sql.raw(`regexp_replace(${expr}, `).append(sql`${pattern}, ${ERASED}, 'gi')`) : sql.raw(expr));
		const mentions = (expr: string) => (pattern ? sql.raw(`${expr} ~* `).append(sql`${pattern}`) : sql`false`);
		const ws = workspaceId;

		const counts = {
			activities: await countAffected(
				tx,
				sql`update activity set contact_id = null, properties = ${scrub('properties::text')}::jsonb where workspace_id = ${ws} and contact_id = ${contactId}`
			),
			accountActivities: person.accountId
				? await countAffected(
						tx,
						sql`update activity set properties = ${scrub('properties::text')}::jsonb where workspace_id = ${ws} and account_id = ${person.accountId} and ${mentions('properties::text')}`
					)
				: 0,
			notes: await countAffected(tx, sql`update note set contact_id = null, body = ${scrub('body')} where workspace_id = ${ws} and (contact_id = ${contactId} or ${mentions('body')})`),
			tasks: await countAffected(tx, sql`update task set contact_id = null, title = ${scrub('title')} where workspace_id = ${ws} and (contact_id = ${contactId} or ${mentions('title')})`),
			deals: await countAffected(tx, sql`update deal set name = ${scrub('name')} where workspace_id = ${ws} and ${mentions('name')}`),
			sessions: await countAffected(
				tx,
				sql`update practice_session set title = ${scrub('title')}, objective = ${scrub('objective')}, plan = ${scrub('plan::text')}::jsonb, state = ${scrub('state::text')}::jsonb
					where workspace_id = ${ws} and (${mentions('title')} or ${mentions('objective')} or ${mentions('plan::text')} or ${mentions('state::text')})`
			),
			sessionEvents: await countAffected(
				tx,
				sql`update session_event set event = ${scrub('event::text')}::jsonb
					where session_id in (select id from practice_session where workspace_id = ${ws}) and ${mentions('event::text')}`
			),
			auditEntries: await countAffected(
				tx,
				sql`update audit_entry set summary = ${scrub('summary')}, details = ${scrub('details::text')}::jsonb
					where workspace_id = ${ws} and (${mentions('summary')} or ${mentions('details::text')})`
			)
		};
		// Merge records of this person (and of contacts merged into them earlier) hold whole snapshots.
		const [{ n: merges }] = await queryRows<{ n: number }>(
			tx,
			sql`with recursive lineage(id) as (
				select ${contactId}::uuid
				union select m.loser_id from merge_record m join lineage l on m.survivor_id = l.id where m.workspace_id = ${ws} and m.kind = 'contact'
			), changed as (
				update merge_record set survivor_before = jsonb_build_object('erased', true), loser_before = jsonb_build_object('erased', true)
				where workspace_id = ${ws} and kind = 'contact' and survivor_id in (select id from lineage) returning 1
			) select count(*)::int as n from changed`
		);
		await tx.delete(contact).where(eq(contact.id, contactId));
		await recordAudit(tx, {
			workspaceId,
			actorId: actor.userId,
			actorLabel: actor.label,
			action: 'contact.erase',
			subjectType: 'contact',
			subjectId: contactId,
			summary: `Erased a contact’s personal data (${counts.activities} activities anonymized and kept)`,
			details: { ...counts, merges, accountId: person.accountId }
		});
		return { ...counts, merges, accountId: person.accountId };
	});
}
