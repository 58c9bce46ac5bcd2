import type { PageServerLoad } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { listSessions } from '$lib/server/sessions/sessions';
import { countSessionOutcomes } from '$lib/server/sessions/sessionOutcomes';

export const load: PageServerLoad = async (event) => {
	const { db, workspace } = await requireWorkspace(event);
	const sessions = await listSessions(db, workspace.id);
	const held = sessions.filter((s) => s.status !== 'planned').map((s) => s.id);
	return {
		live: sessions.filter((s) => s.status === 'live'),
		upcoming: sessions.filter((s) => s.status === 'planned').reverse(),
		past: sessions.filter((s) => s.status === 'ended'),
		outcomes: await countSessionOutcomes(db, workspace.id, held)
	};
};
