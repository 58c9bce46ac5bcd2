import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { createSession, suggestFacilitator } from '$lib/server/sessions/sessions';
import { listMembers } from '$lib/server/workspaces';
import { listAccountsByIds, resolveAccountNames } from '$lib/server/accountSearch';
import { InvalidReferenceError } from '$lib/server/references';
import { defaultAgenda, sessionPlanSchema, EXERCISES, LIMITS } from '$lib/domain/session';
import { isUuid } from '$lib/domain/forms/isUuid';

export const load: PageServerLoad = async (event) => {
	const { db, workspace } = await requireWorkspace(event, 'crm.write');
	const [members, suggested] = await Promise.all([listMembers(db, workspace.id), suggestFacilitator(db, workspace.id)]);
	return { members: members.filter((m) => m.role !== 'viewer'), suggestedId: suggested?.id ?? null, agenda: defaultAgenda() };
};

/** One agenda row as the form sent it, accounts already named (what the page shows again on an error). */
export interface PlanRow {
	title: string;
	minutes: number;
	exercise: string;
	accounts: { id: string; name: string }[];
	/** What was typed in the no-JavaScript accounts box. */
	accountNames: string;
}

/**
 * The plan form: fields per agenda row ("item-<n>-title", "-minutes", "-exercise", "-accounts" with
 * ids from the picker, "-accountNames" typed without JavaScript). Accounts are looked up in this
 * workspace; a name that matches none (or several) is a message for the user, not a 500.
 */
async function readPlan(db: Parameters<typeof listAccountsByIds>[0], workspaceId: string, form: FormData) {
	const rows: PlanRow[] = [];
	let problem: string | null = null;
	for (let n = 0; n < LIMITS.agendaItems; n++) {
		const title = String(form.get(`item-${n}-title`) ?? '').trim();
		// An emptied title drops the item (how the agenda shrinks without JavaScript).
		if (!title) continue;
		const ids = form.getAll(`item-${n}-accounts`).map(String).filter(isUuid);
		const accountNames = String(form.get(`item-${n}-accountNames`) ?? '');
		const known = await listAccountsByIds(db, workspaceId, ids);
		const typed = await resolveAccountNames(db, workspaceId, accountNames.split(','));
		if (!typed.ok) problem ??= `Agenda item ${rows.length + 1}: ${typed.message}`;
		const byId = new Map([...known, ...(typed.ok ? typed.accounts : [])].map((a) => [a.id, { id: a.id, name: a.name }]));
		rows.push({
			title,
			minutes: Number(form.get(`item-${n}-minutes`)),
			exercise: String(form.get(`item-${n}-exercise`) ?? ''),
			accounts: [...ids.filter((id) => byId.has(id)), ...[...byId.keys()].filter((id) => !ids.includes(id))].map((id) => byId.get(id)!),
			accountNames: typed.ok ? '' : accountNames
		});
	}
	const when = String(form.get('scheduledAt') ?? '');
	const values = {
		title: String(form.get('title') ?? ''),
		objective: String(form.get('objective') ?? ''),
		scheduledAt: when,
		facilitatorId: String(form.get('facilitatorId') ?? ''),
		participantIds: form.getAll('participantIds').map(String),
		agenda: rows
	};
	const plan = {
		title: values.title,
		objective: values.objective,
		scheduledAt: /T\d\d:\d\d$/.test(when) ? `${when}:00Z` : /T\d\d:\d\d:\d\d$/.test(when) ? `${when}Z` : when,
		participantIds: values.participantIds,
		agenda: rows.map((row, i) => ({
			id: `item-${i + 1}`,
			title: row.title,
			plannedMinutes: row.minutes,
			exercise: (EXERCISES as readonly string[]).includes(row.exercise) ? row.exercise : null,
			accountIds: row.accounts.map((a) => a.id)
		}))
	};
	return { values, plan, problem };
}

export const actions: Actions = {
	default: async (event) => {
		const { db, workspace, userId } = await requireWorkspace(event, 'crm.write');
		const form = await event.request.formData();
		const { values, plan, problem } = await readPlan(db, workspace.id, form);
		if (problem) return fail(400, { message: problem, field: 'agenda', values });
		const parsed = sessionPlanSchema.safeParse(plan);
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			const where = issue.path[0] === 'agenda' && typeof issue.path[1] === 'number' ? `Agenda item ${issue.path[1] + 1}: ` : '';
			return fail(400, { message: `${where}${issue.message}`, field: String(issue.path[0] ?? ''), values });
		}
		const facilitatorId = values.facilitatorId || userId;
		if (!isUuid(facilitatorId)) return fail(400, { message: 'Choose the facilitator from the list of members.', field: 'facilitatorId', values });
		let id: string;
		try {
			id = await createSession(db, workspace.id, { plan: parsed.data, facilitatorId, createdBy: userId });
		} catch (e) {
			if (e instanceof InvalidReferenceError) return fail(400, { message: e.message, field: e.field, values });
			throw e;
		}
		redirect(303, `/w/${workspace.slug}/sessions/${id}`);
	}
};
