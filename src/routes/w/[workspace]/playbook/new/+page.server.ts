import type { Actions, PageServerLoad } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { getCurrentRevision } from '$lib/server/playbook/revisions';
import { submitSectionEdit } from '$lib/server/playbook/editSection';

export const load: PageServerLoad = async (event) => {
	const { db, workspace } = await requireWorkspace(event, 'playbook.propose');
	return { baseRevision: (await getCurrentRevision(db, workspace.id)).number };
};

export const actions: Actions = {
	save: (event) => submitSectionEdit(event, null, 'save'),
	propose: (event) => submitSectionEdit(event, null, 'propose')
};
