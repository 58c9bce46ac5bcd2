import type { Database } from '../db/index';
import { task } from '../db/schema';
import { getCurrentRevision } from '../playbook/revisions';
import { createProposal } from '../playbook/proposals';
import { enqueueWebhookEvent } from '../webhooks/enqueue';
import { appendSection } from '../../domain/playbook/editDocument';
import { escapeMarkdown, type SessionState } from '../../domain/session';

/**
 * What a session leaves behind when it ends, written in the same transaction as the end event:
 * its action items become CRM tasks, and the playbook changes it agreed on become one proposal,
 * linked to the session, with the tagged events behind each change as evidence. Queues the
 * session.ended webhook event in that transaction too.
 */
export async function concludeSession(
	db: Database,
	workspaceId: string,
	sessionId: string,
	state: SessionState,
	context: { title: string; endedBy: string; accountNames: Map<string, string> }
): Promise<{ taskIds: string[]; proposalNumber: number | null }> {
	const taskIds: string[] = [];
	for (const item of state.actionItems) {
		const [row] = await db
			.insert(task)
			.values({ workspaceId, title: item.title, ownerId: item.ownerId, dueOn: item.dueOn, accountId: item.accountId, createdBy: item.authorId, sessionId })
			.returning({ id: task.id });
		taskIds.push(row.id);
	}
	const proposalNumber = state.playbookChanges.length === 0 ? null : await proposeSessionChanges(db, workspaceId, sessionId, state, context);
	await enqueueWebhookEvent(db, workspaceId, 'session.ended', {
		session: { id: sessionId, title: context.title, endedAt: state.endedAt, facilitatorId: state.facilitatorId },
		taskIds,
		proposalNumber
	});
	return { taskIds, proposalNumber };
}

/** The playbook changes a session agreed on, as one proposal with the evidence behind each. */
async function proposeSessionChanges(
	db: Database,
	workspaceId: string,
	sessionId: string,
	state: SessionState,
	context: { title: string; endedBy: string; accountNames: Map<string, string> }
): Promise<number> {

	const current = await getCurrentRevision(db, workspaceId);
	const day = (state.endedAt ?? new Date().toISOString()).slice(0, 10);
	const lines = [`Agreed in the practice session “${escapeMarkdown(context.title)}” on ${day}. Fold each change into the right section, then merge.`, ''];
	for (const change of state.playbookChanges) {
		lines.push(`## ${escapeMarkdown(change.text)}`, '');
		if (change.signalId) lines.push(`Signal: \`${change.signalId}\``, '');
		const evidence = state.tags.filter((t) => change.evidenceTagIds.includes(t.id));
		if (evidence.length) {
			lines.push('Evidence from the session:', '');
			for (const t of evidence) {
				const account = context.accountNames.get(t.accountId) ?? 'an account';
				lines.push(`- ${escapeMarkdown(account)}, event ${t.activityId} (${t.polarity}, ${t.department}): ${escapeMarkdown(t.interpretation)}`);
			}
			lines.push('');
		}
	}
	const { doc } = appendSection(current.document, { title: `Session changes ${day}`, body: lines.join('\n') });
	return createProposal(db, workspaceId, {
		title: `Changes agreed in “${context.title}”`,
		reason: `The team agreed ${state.playbookChanges.length} playbook change${state.playbookChanges.length === 1 ? '' : 's'} in the session.`,
		authorId: context.endedBy,
		baseRevision: current.number,
		document: doc,
		sessionId
	});
}
