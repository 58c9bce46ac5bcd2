import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { createDeal } from '$lib/server/deals';
import { listAccountOptions } from '$lib/server/accounts';
import { listMembers } from '$lib/server/workspaces';
import { handleForm } from '$lib/server/formAction';
import { dealInput } from '$lib/domain/crm/inputs';
import { isUuid } from '$lib/domain/forms/isUuid';

export const load: PageServerLoad = async (event) => {
	const { db, workspace, userId } = await requireWorkspace(event, 'crm.write');
	const preset = event.url.searchParams.get('account');
	const accountId = isUuid(preset) ? preset : null;
	return {
		defaults: { accountId, ownerId: userId, stage: 'discovery', openedOn: new Date().toISOString().slice(0, 10) },
		accounts: await listAccountOptions(db, workspace.id, accountId),
		members: await listMembers(db, workspace.id)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { db, workspace } = await requireWorkspace(event, 'crm.write');
		const saved = await handleForm(event.request, dealInput, (input) => createDeal(db, workspace.id, input));
		if (!saved.ok) return saved.failure;
		redirect(303, `/w/${workspace.slug}/deals/${saved.result}`);
	}
};
