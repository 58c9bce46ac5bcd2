import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { getSession } from '$lib/server/sessions/sessions';
import { listFiredSignals } from '$lib/server/sessions/firedSignals';
import { labelEvents } from '$lib/server/sessions/eventLabels';
import { isUuid } from '$lib/domain/forms/isUuid';

/** The stable playbook signals that fired on the accounts this session reviewed, for the analysis view, with readable names of their evidence and of the tagged events. */
export const GET: RequestHandler = async (event) => {
	const { db, workspace } = await requireWorkspace(event);
	const session = isUuid(event.params.id) ? await getSession(db, workspace.id, event.params.id) : null;
	if (!session) error(404, { message: 'This session does not exist in this workspace.' });
	const asked = event.url.searchParams.get('events');
	if (asked !== null) {
		// Only names for these tagged events: cheap, for tags added since the last full answer.
		const tagged = new Set(session.state.tags.map((t) => t.activityId));
		const ids = asked.split(',').map(Number).filter((id) => tagged.has(id)).slice(0, 200);
		return json({ events: await labelEvents(db, workspace.id, ids) });
	}
	const fired = await listFiredSignals(db, workspace.id, session.state.reviewedAccountIds);
	const events = await labelEvents(db, workspace.id, [...fired.flatMap((s) => s.evidence), ...session.state.tags.map((t) => t.activityId)]);
	return json({ fired, events });
};
