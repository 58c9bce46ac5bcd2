import type { PageServerLoad } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { listSessions } from '$lib/server/sessions/sessions';

export const load: PageServerLoad = async (event) => {
	const { db, workspace } = await requireWorkspace(event);
	const sessions = await listSessions(db, workspace.id);
	return {
		live: sessions.filter((s) => s.status === 'live'),
		upcoming: sessions.filter((s) => s.status === 'planned').reverse(),
		past: sessions.filter((s) => s.status === 'ended')
	};
};
