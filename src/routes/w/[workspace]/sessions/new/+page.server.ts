import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { createSession, suggestFacilitator } from '$lib/server/sessions/sessions';
import { listMembers } from '$lib/server/workspaces';
import { listAccountOptions } from '$lib/server/accounts';
import { InvalidReferenceError } from '$lib/server/references';
import { defaultAgenda, sessionPlanSchema, EXERCISES } from '$lib/domain/session';

export const load: PageServerLoad = async (event) => {
	const { db, workspace } = await requireWorkspace(event, 'crm.write');
	const [members, suggested, accounts] = await Promise.all([listMembers(db, workspace.id), suggestFacilitator(db, workspace.id), listAccountOptions(db, workspace.id)]);
	return { members: members.filter((m) => m.role !== 'viewer'), suggestedId: suggested?.id ?? null, agenda: defaultAgenda(), accounts };
};

/** The plan form: fields per agenda row ("item-<n>-title", "-minutes", "-exercise", "-accounts"). */
function readPlan(form: FormData) {
	const rows: { id: string; title: string; plannedMinutes: number; exercise: string | null; accountIds: string[] }[] = [];
	for (let n = 0; n < 20; n++) {
		const title = String(form.get(`item-${n}-title`) ?? '').trim();
		if (!title) continue;
		const exercise = String(form.get(`item-${n}-exercise`) ?? '');
		rows.push({
			id: `item-${n + 1}`,
			title,
			plannedMinutes: Number(form.get(`item-${n}-minutes`)),
			exercise: (EXERCISES as readonly string[]).includes(exercise) ? exercise : null,
			accountIds: form.getAll(`item-${n}-accounts`).map(String).filter(Boolean)
		});
	}
	const when = String(form.get('scheduledAt') ?? '');
	return {
		title: String(form.get('title') ?? ''),
		objective: String(form.get('objective') ?? ''),
		scheduledAt: /T\d\d:\d\d$/.test(when) ? `${when}:00Z` : /T\d\d:\d\d:\d\d$/.test(when) ? `${when}Z` : when,
		participantIds: form.getAll('participantIds').map(String),
		agenda: rows
	};
}

export const actions: Actions = {
	default: async (event) => {
		const { db, workspace, userId } = await requireWorkspace(event, 'crm.write');
		const form = await event.request.formData();
		const raw = readPlan(form);
		const parsed = sessionPlanSchema.safeParse(raw);
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			return fail(400, { message: issue.message, field: String(issue.path[0] ?? '') });
		}
		const facilitatorId = String(form.get('facilitatorId') ?? userId);
		let id: string;
		try {
			id = await createSession(db, workspace.id, { plan: parsed.data, facilitatorId, createdBy: userId });
		} catch (e) {
			if (e instanceof InvalidReferenceError) return fail(400, { message: e.message, field: e.field });
			throw e;
		}
		redirect(303, `/w/${workspace.slug}/sessions/${id}`);
	}
};
