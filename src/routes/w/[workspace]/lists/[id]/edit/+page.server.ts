import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { listMembers } from '$lib/server/workspaces';
import { getSmartList } from '$lib/server/smartLists/smartLists';
import { saveSmartList } from '$lib/server/commands/saveSmartList';
import { smartListFromForm } from '$lib/domain/smartLists/formInput';

const NOT_FOUND = 'There is no such smart list in this workspace. It may have been deleted.';

export const load: PageServerLoad = async (event) => {
	const { db, workspace } = await requireWorkspace(event, 'crm.write');
	const list = await getSmartList(db, workspace.id, event.params.id);
	if (!list) error(404, { message: NOT_FOUND });
	return {
		list: { id: list.id, name: list.name, values: { name: list.name, description: list.description, rule: list.rule, filters: list.filters } },
		members: await listMembers(db, workspace.id)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { db, workspace, userId } = await requireWorkspace(event, 'crm.write');
		const list = await getSmartList(db, workspace.id, event.params.id);
		if (!list) error(404, { message: NOT_FOUND });
		const values = smartListFromForm(await event.request.formData());
		const saved = await saveSmartList(db, workspace.id, userId, values, { id: list.id });
		if (!saved.ok) return fail(400, { errors: saved.errors, values });
		redirect(303, `/w/${workspace.slug}/lists/${list.id}`);
	}
};
