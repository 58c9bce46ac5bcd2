import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { getTask, updateTask } from '$lib/server/tasks';
import { listMembers } from '$lib/server/workspaces';
import { handleForm } from '$lib/server/formAction';
import { taskEditInput } from '$lib/domain/crm/inputs';
import { isUuid } from '$lib/domain/forms/isUuid';

const notFound = () => error(404, { message: 'This task does not exist in this workspace.' });

export const load: PageServerLoad = async (event) => {
	const { db, workspace } = await requireWorkspace(event);
	const found = isUuid(event.params.id) ? await getTask(db, workspace.id, event.params.id) : null;
	if (!found) notFound();
	return { task: found!, members: await listMembers(db, workspace.id) };
};

export const actions: Actions = {
	default: async (event) => {
		const { db, workspace } = await requireWorkspace(event, 'crm.write');
		const id = event.params.id;
		if (!isUuid(id)) notFound();
		const saved = await handleForm(event.request, taskEditInput, (input) => updateTask(db, workspace.id, id, input));
		if (!saved.ok) return saved.failure;
		if (!saved.result) notFound();
		return { saved: true };
	}
};
