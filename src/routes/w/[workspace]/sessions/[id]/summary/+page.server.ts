import { error, redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { loadSessionSummary } from '$lib/server/sessions/sessionSummary';
import { isUuid } from '$lib/domain/forms/isUuid';

export const load: PageServerLoad = async (event) => {
	const { db, workspace, userId } = await requireWorkspace(event);
	const summary = isUuid(event.params.id) ? await loadSessionSummary(db, workspace.id, event.params.id, userId) : null;
	if (!summary) error(404, { message: 'This session does not exist in this workspace.' });
	if (summary.state.status !== 'ended') redirect(303, `/w/${workspace.slug}/sessions/${event.params.id}`);
	return summary;
};
