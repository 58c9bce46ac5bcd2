import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { getContact, updateContact } from '$lib/server/contacts';
import { listAccountOptions } from '$lib/server/accounts';
import { handleForm } from '$lib/server/formAction';
import { contactInput } from '$lib/domain/crm/inputs';
import { isUuid } from '$lib/domain/forms/isUuid';
import { listContactActivities } from '$lib/server/contactActivities';
import { can } from '$lib/domain/auth/permissions';

const notFound = () => error(404, { message: 'This contact does not exist in this workspace.' });

export const load: PageServerLoad = async (event) => {
	const { db, workspace, member } = await requireWorkspace(event);
	const found = isUuid(event.params.id) ? await getContact(db, workspace.id, event.params.id) : null;
	if (!found) notFound();
	return {
		contact: found!,
		accounts: await listAccountOptions(db, workspace.id, found!.accountId),
		activities: await listContactActivities(db, workspace.id, found!.id),
		canManageData: can(member.role, 'data.manage'),
		merged: event.url.searchParams.has('merged')
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { db, workspace } = await requireWorkspace(event, 'crm.write');
		const id = event.params.id;
		if (!isUuid(id)) notFound();
		const saved = await handleForm(event.request, contactInput, (input) => updateContact(db, workspace.id, id, input));
		if (!saved.ok) return saved.failure;
		if (!saved.result) notFound();
		return { saved: true };
	}
};
