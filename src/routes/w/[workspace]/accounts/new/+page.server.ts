import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { createAccount } from '$lib/server/accounts';
import { listMembers } from '$lib/server/workspaces';
import { handleForm } from '$lib/server/formAction';
import { accountInput } from '$lib/domain/crm/inputs';

export const load: PageServerLoad = async (event) => {
	const { db, workspace } = await requireWorkspace(event, 'crm.write');
	return { members: await listMembers(db, workspace.id) };
};

export const actions: Actions = {
	default: async (event) => {
		const { db, workspace } = await requireWorkspace(event, 'crm.write');
		const saved = await handleForm(event.request, accountInput, (input) => createAccount(db, workspace.id, input));
		if (!saved.ok) return saved.failure;
		redirect(303, `/w/${workspace.slug}/accounts/${saved.result}`);
	}
};
