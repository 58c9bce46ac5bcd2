import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { getSession } from '$lib/server/sessions/sessions';
import { listFiredSignals } from '$lib/server/sessions/firedSignals';
import { isUuid } from '$lib/domain/forms/isUuid';

/** The stable playbook signals that fired on the accounts this session reviewed, for the analysis view. */
export const GET: RequestHandler = async (event) => {
	const { db, workspace } = await requireWorkspace(event);
	const session = isUuid(event.params.id) ? await getSession(db, workspace.id, event.params.id) : null;
	if (!session) error(404, { message: 'This session does not exist in this workspace.' });
	const fired = await listFiredSignals(db, workspace.id, session.state.reviewedAccountIds);
	return json({ fired });
};
