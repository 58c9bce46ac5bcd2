import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { getContact } from '$lib/server/contacts';
import { listContactActivities } from '$lib/server/contactActivities';
import { eraseContact, ErasureError } from '$lib/server/privacy/eraseContact';
import { readForm } from '$lib/domain/forms/readForm';
import { isUuid } from '$lib/domain/forms/isUuid';

const notFound = () => error(404, { message: 'This contact does not exist in this workspace (it may have been erased already).' });

export const load: PageServerLoad = async (event) => {
	const { db, workspace } = await requireWorkspace(event, 'data.manage');
	const found = isUuid(event.params.id) ? await getContact(db, workspace.id, event.params.id) : null;
	if (!found) notFound();
	return { contact: found!, activityCount: (await listContactActivities(db, workspace.id, found!.id, 0)).total };
};

const eraseInput = z.object({ confirmation: z.string().trim().min(1, 'Type the contact’s full name or email to confirm.') });

export const actions: Actions = {
	default: async (event) => {
		const { db, workspace, userId, member } = await requireWorkspace(event, 'data.manage');
		if (!isUuid(event.params.id)) notFound();
		const form = readForm(eraseInput, await event.request.formData());
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		try {
			await eraseContact(db, workspace.id, event.params.id, { userId, label: member.name }, form.data.confirmation);
		} catch (e) {
			if (e instanceof ErasureError && e.code === 'not_confirmed') return fail(400, { errors: { confirmation: e.message }, values: { confirmation: form.data.confirmation } });
			if (e instanceof ErasureError) notFound();
			throw e;
		}
		redirect(303, `/w/${workspace.slug}/contacts?erased=1`);
	}
};
