import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { createContact } from '$lib/server/contacts';
import { listAccountOptions } from '$lib/server/accounts';
import { handleForm } from '$lib/server/formAction';
import { contactInput } from '$lib/domain/crm/inputs';
import { isUuid } from '$lib/domain/forms/isUuid';

export const load: PageServerLoad = async (event) => {
	const { db, workspace } = await requireWorkspace(event, 'crm.write');
	const preset = event.url.searchParams.get('account');
	const accountId = isUuid(preset) ? preset : null;
	return { accountId, accounts: await listAccountOptions(db, workspace.id, accountId) };
};

export const actions: Actions = {
	default: async (event) => {
		const { db, workspace } = await requireWorkspace(event, 'crm.write');
		const saved = await handleForm(event.request, contactInput, (input) => createContact(db, workspace.id, input));
		if (!saved.ok) return saved.failure;
		redirect(303, `/w/${workspace.slug}/contacts/${saved.result}`);
	}
};
