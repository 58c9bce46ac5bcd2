import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { getAccount, updateAccount } from '$lib/server/accounts';
import { listMembers } from '$lib/server/workspaces';
import { handleForm } from '$lib/server/formAction';
import { accountInput } from '$lib/domain/crm/inputs';
import { isUuid } from '$lib/domain/forms/isUuid';

export const load: PageServerLoad = async (event) => {
	const { db, workspace } = await requireWorkspace(event, 'crm.write');
	const found = isUuid(event.params.id) ? await getAccount(db, workspace.id, event.params.id) : null;
	if (!found) error(404, { message: 'This account does not exist in this workspace.' });
	return { account: found, members: await listMembers(db, workspace.id) };
};

export const actions: Actions = {
	default: async (event) => {
		const { db, workspace } = await requireWorkspace(event, 'crm.write');
		const id = event.params.id;
		const saved = await handleForm(event.request, accountInput, (input) => isUuid(id) ? updateAccount(db, workspace.id, id, input) : Promise.resolve(false));
		if (!saved.ok) return saved.failure;
		if (!saved.result) error(404, { message: 'This account does not exist in this workspace.' });
		redirect(303, `/w/${workspace.slug}/accounts/${id}`);
	}
};
