import type { PageServerLoad } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { ACCOUNT_SORTS, listAccounts, type AccountSort } from '$lib/server/accounts';
import { listMembers } from '$lib/server/workspaces';
import { ACCOUNT_LIFECYCLES, type AccountLifecycle } from '$lib/domain/crm/vocabulary';
import { pick } from '$lib/domain/forms/pick';

export const load: PageServerLoad = async (event) => {
	const { db, workspace } = await requireWorkspace(event);
	const params = event.url.searchParams;
	const filter = {
		q: params.get('q')?.slice(0, 100) ?? '',
		lifecycle: pick(ACCOUNT_LIFECYCLES, params.get('lifecycle')) as AccountLifecycle | null,
		ownerId: params.get('owner') || null,
		sort: (pick(ACCOUNT_SORTS, params.get('sort')) ?? 'name') as AccountSort,
		page: Number(params.get('page')) || 1
	};
	const members = await listMembers(db, workspace.id);
	if (filter.ownerId && !members.some((m) => m.userId === filter.ownerId)) filter.ownerId = null;
	return { filter, members, result: await listAccounts(db, workspace.id, filter) };
};
