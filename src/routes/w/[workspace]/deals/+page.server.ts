import type { PageServerLoad } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { listPipeline } from '$lib/server/deals';
import { listMembers } from '$lib/server/workspaces';

export const load: PageServerLoad = async (event) => {
	const { db, workspace } = await requireWorkspace(event);
	const members = await listMembers(db, workspace.id);
	const owner = event.url.searchParams.get('owner');
	const ownerId = members.some((m) => m.userId === owner) ? owner : null;
	return { ownerId, members, columns: await listPipeline(db, workspace.id, { ownerId }) };
};
