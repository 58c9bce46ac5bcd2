import type { PageServerLoad } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { loadOverview } from '$lib/server/overview';
import { listRecentWins } from '$lib/server/sessions/sessionOutcomes';

export const load: PageServerLoad = async (event) => {
	const { db, workspace, userId } = await requireWorkspace(event);
	const [overview, wins] = await Promise.all([loadOverview(db, workspace.id, userId), listRecentWins(db, workspace.id)]);
	return { overview, wins };
};
