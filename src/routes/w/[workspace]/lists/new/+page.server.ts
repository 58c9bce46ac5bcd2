import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { listMembers } from '$lib/server/workspaces';
import { saveSmartList } from '$lib/server/commands/saveSmartList';
import { smartListFromForm } from '$lib/domain/smartLists/formInput';

export const load: PageServerLoad = async (event) => {
	const { db, workspace } = await requireWorkspace(event, 'crm.write');
	return { members: await listMembers(db, workspace.id) };
};

export const actions: Actions = {
	default: async (event) => {
		const { db, workspace, userId } = await requireWorkspace(event, 'crm.write');
		const values = smartListFromForm(await event.request.formData());
		const saved = await saveSmartList(db, workspace.id, userId, values);
		if (!saved.ok) return fail(400, { errors: saved.errors, values });
		redirect(303, `/w/${workspace.slug}/lists/${saved.id}`);
	}
};
