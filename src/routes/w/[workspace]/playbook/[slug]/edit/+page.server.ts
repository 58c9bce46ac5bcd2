import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { getCurrentRevision } from '$lib/server/playbook/revisions';
import { submitSectionEdit } from '$lib/server/playbook/editSection';
import { findSection } from '$lib/domain/playbook/document';

export const load: PageServerLoad = async (event) => {
	const { db, workspace } = await requireWorkspace(event, 'playbook.propose');
	const current = await getCurrentRevision(db, workspace.id);
	const section = findSection(current.document, event.params.slug);
	if (!section) error(404, { message: 'This playbook section does not exist.' });
	return { section, baseRevision: current.number };
};

export const actions: Actions = {
	save: (event) => submitSectionEdit(event, event.params.slug, 'save'),
	propose: (event) => submitSectionEdit(event, event.params.slug, 'propose')
};
