import type { PageServerLoad } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { loadOverview } from '$lib/server/overview';

export const load: PageServerLoad = async (event) => {
	const { db, workspace, userId } = await requireWorkspace(event);
	return { overview: await loadOverview(db, workspace.id, userId) };
};
