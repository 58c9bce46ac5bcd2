import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { getAccount } from '$lib/server/accounts';
import { listAccountContacts } from '$lib/server/contacts';
import { listAccountDeals } from '$lib/server/deals';
import { addNote, listAccountNotes, updateNote } from '$lib/server/notes';
import { addTask, listOpenAccountTasks, setTaskStatus } from '$lib/server/tasks';
import { listTimeline } from '$lib/server/timeline';
import { listMembers } from '$lib/server/workspaces';
import { evaluateAccountSignals } from '$lib/server/playbook/accountSignals';
import { handleForm } from '$lib/server/formAction';
import { noteEditInput, noteInput, taskInput, taskStatusInput } from '$lib/domain/crm/inputs';
import { can } from '$lib/domain/auth/permissions';
import { readTimelineFilter } from '$lib/domain/crm/timelineFilter';
import { encodeCursor, timelineStartAt } from '$lib/domain/crm/timelineCursor';
import { isUuid } from '$lib/domain/forms/isUuid';
import { getAlertEvidence, markAlertsRead } from '$lib/server/signals/alerts';
import { scoreAccount } from '$lib/server/signals/leadScores';
import { logActivity } from '$lib/server/activities';
import { activityInput } from '$lib/domain/crm/activityInput';

const notFound = () => error(404, { message: 'This account does not exist in this workspace.' });

export const load: PageServerLoad = async (event) => {
	const { db, workspace, userId } = await requireWorkspace(event);
	const id = event.params.id;
	const found = isUuid(id) ? await getAccount(db, workspace.id, id) : null;
	if (!found) notFound();
	const filter = readTimelineFilter(event.url.searchParams);
	// Opened from the inbox: show that alert's evidence, and it counts as read.
	const alertId = event.url.searchParams.get('alert');
	const alert = alertId && isUuid(alertId) ? await getAlertEvidence(db, workspace.id, userId, id, alertId) : null;
	if (alert && !alert.alert.readAt) await markAlertsRead(db, workspace.id, userId, [alert.alert.id]);
	const [contacts, deals, tasks, notes, newest, members, score] = await Promise.all([
		listAccountContacts(db, workspace.id, id),
		listAccountDeals(db, workspace.id, id),
		listOpenAccountTasks(db, workspace.id, id),
		listAccountNotes(db, workspace.id, id),
		listTimeline(db, workspace.id, id, { ...filter, limit: 50 }),
		listMembers(db, workspace.id),
		scoreAccount(db, workspace.id, id)
	]);
	// An alert's evidence can be older than the newest page: then the timeline opens at it, so what
	// the alert points at is on screen and highlighted ("Back to the newest events" goes up again,
	// keeping the alert's card: from=newest).
	const fromNewest = event.url.searchParams.get('from') === 'newest';
	const start = alert && filter.after === null && !fromNewest ? timelineStartAt(alert.activities, newest) : null;
	const timeline = start ? await listTimeline(db, workspace.id, id, { ...filter, after: start, limit: 50 }) : newest;
	return {
		account: found!,
		contacts,
		deals,
		tasks,
		notes,
		members,
		alert,
		score,
		// Streamed: running the playbook over a long timeline can take a moment, the page need not wait.
		signals: loadSignals(db, workspace.id, id),
		filter: { types: filter.types, departments: filter.departments, paged: filter.after !== null || start !== null },
		timeline: { items: timeline.items, next: timeline.next ? encodeCursor(timeline.next) : null }
	};
};

/** Each action re-checks membership and the write permission: hidden buttons are not security. */
async function writableAccount(event: Parameters<Actions[string]>[0]) {
	const guarded = await requireWorkspace(event, 'crm.write');
	const id = event.params.id ?? '';
	if (!isUuid(id) || !(await getAccount(guarded.db, guarded.workspace.id, id))) notFound();
	return { ...guarded, accountId: id };
}

export const actions: Actions = {
	addNote: async (event) => {
		const { db, workspace, userId, accountId } = await writableAccount(event);
		const saved = await handleForm(event.request, noteInput, (input) => addNote(db, workspace.id, accountId, userId, input));
		return saved.ok ? { noteAdded: true } : saved.failure;
	},
	editNote: async (event) => {
		const { db, workspace, userId, member, accountId } = await writableAccount(event);
		const editor = { userId, anyAuthor: can(member.role, 'members.manage') };
		const saved = await handleForm(event.request, noteEditInput, (input) => updateNote(db, workspace.id, accountId, input.noteId, input.body, editor));
		if (saved.ok && saved.result === 'missing') error(404, { message: 'This note does not exist on this account (it may have been deleted). Reload the page.' });
		if (saved.ok && saved.result === 'not-author') error(403, { message: 'Only the author of a note (or an admin) can edit it.' });
		return saved.ok ? { noteEdited: true } : saved.failure;
	},
	logActivity: async (event) => {
		const { db, workspace, userId, accountId } = await writableAccount(event);
		const saved = await handleForm(event.request, activityInput, (input) => logActivity(db, workspace.id, accountId, userId, input));
		return saved.ok ? { activityLogged: true } : saved.failure;
	},
	addTask: async (event) => {
		const { db, workspace, userId, accountId } = await writableAccount(event);
		const saved = await handleForm(event.request, taskInput, (input) => addTask(db, workspace.id, accountId, userId, input));
		return saved.ok ? { taskAdded: true } : saved.failure;
	},
	setTaskStatus: async (event) => {
		const { db, workspace } = await writableAccount(event);
		const saved = await handleForm(event.request, taskStatusInput, (input) => setTaskStatus(db, workspace.id, input.taskId, input.status));
		if (saved.ok && !saved.result) error(404, { message: 'That task does not exist in this workspace.' });
		return saved.ok ? { taskUpdated: true } : saved.failure;
	}
};

/** The fired stable signals and, per activity, the signals it is evidence for (to mark the timeline). */
async function loadSignals(db: Parameters<typeof evaluateAccountSignals>[0], workspaceId: string, accountId: string) {
	const signals = await evaluateAccountSignals(db, workspaceId, accountId);
	const evidence: Record<number, { id: string; name: string; family: string }[]> = {};
	for (const s of signals) {
		for (const activityId of s.evaluation.evidence) (evidence[activityId] ??= []).push({ id: s.id, name: s.name, family: s.family });
	}
	return {
		fired: signals.map((s) => ({
			id: s.id,
			name: s.name,
			family: s.family,
			sectionSlug: s.sectionSlug,
			words: s.words,
			firstFiredAt: s.evaluation.firstFiredAt,
			holdsNow: s.evaluation.holdsNow,
			times: s.evaluation.occurrences.length
		})),
		evidence
	};
}
