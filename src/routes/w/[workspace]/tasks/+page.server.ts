import type { PageServerLoad } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { listTasks } from '$lib/server/tasks';
import { listMembers } from '$lib/server/workspaces';
import { TASK_STATUSES, type TaskStatus } from '$lib/domain/crm/vocabulary';
import { pick } from '$lib/domain/forms/pick';

export const load: PageServerLoad = async (event) => {
	const { db, workspace, userId } = await requireWorkspace(event);
	const params = event.url.searchParams;
	const members = await listMembers(db, workspace.id);
	const owner = params.get('owner') ?? userId;
	const filter = {
		ownerId: members.some((m) => m.userId === owner) ? owner : null,
		status: (params.has('status') ? pick(TASK_STATUSES, params.get('status')) : 'open') as TaskStatus | null
	};
	return { filter, members, tasks: await listTasks(db, workspace.id, filter) };
};
