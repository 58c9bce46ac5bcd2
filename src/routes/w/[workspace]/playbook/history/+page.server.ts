import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { listRevisions, restoreRevision, InvalidPlaybookError } from '$lib/server/playbook/revisions';
import { readForm } from '$lib/domain/forms/readForm';

export const load: PageServerLoad = async (event) => {
	const { db, workspace } = await requireWorkspace(event);
	const revisions = (await listRevisions(db, workspace.id)).map(({ document: _, ...r }) => r);
	return { revisions };
};

export const actions: Actions = {
	restore: async (event) => {
		const { db, workspace, userId } = await requireWorkspace(event, 'playbook.admin');
		const form = readForm(z.object({ number: z.coerce.number().int().positive() }), await event.request.formData());
		if (!form.ok) return fail(400, { message: 'Choose a revision to restore.' });
		try {
			await restoreRevision(db, workspace.id, form.data.number, userId);
		} catch (e) {
			if (e instanceof InvalidPlaybookError) return fail(400, { message: e.message });
			if (e instanceof Error && /There is no revision/.test(e.message)) return fail(400, { message: e.message });
			throw e;
		}
		redirect(303, `/w/${workspace.slug}/playbook/history`);
	}
};
