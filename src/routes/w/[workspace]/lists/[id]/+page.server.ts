import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { listMembers } from '$lib/server/workspaces';
import { definitionOf, deleteSmartList, getSmartList } from '$lib/server/smartLists/smartLists';
import { liveMembers } from '$lib/server/smartLists/liveMembers';
import { loadMemberRows } from '$lib/server/smartLists/members';
import { listSnapshotSizes, membershipChanges, utcDay } from '$lib/server/smartLists/snapshots';
import { describeFilters } from '$lib/domain/smartLists/describeFilters';
import { readSince } from '$lib/domain/smartLists/readSince';
import { describeRule } from '$lib/domain/signals/describeRule';
import { can } from '$lib/domain/auth/permissions';

const NOT_FOUND = 'There is no such smart list in this workspace. It may have been deleted.';
const PAGE_SIZE = 50;

export const load: PageServerLoad = async (event) => {
	const { db, workspace, member } = await requireWorkspace(event);
	const list = await getSmartList(db, workspace.id, event.params.id);
	if (!list) error(404, { message: NOT_FOUND });
	const now = new Date();
	const d = definitionOf(list);
	const owners = new Map((await listMembers(db, workspace.id)).map((m) => [m.userId, m.name]));
	const ids = await liveMembers(db, list, now);
	const page = Math.max(1, Math.min(Number(event.url.searchParams.get('page')) || 1, Math.ceil(ids.length / PAGE_SIZE) || 1));
	const since = readSince(event.url.searchParams.get('since'), now);
	return {
		list: {
			id: list.id,
			name: list.name,
			description: list.description,
			filters: describeFilters(d.filters, owners),
			ruleText: d.ruleText,
			ruleWords: d.rule ? describeRule(d.rule) : null,
			ruleProblem: d.ruleProblem,
			updatedAt: list.updatedAt
		},
		size: ids.length,
		page,
		pageSize: PAGE_SIZE,
		members: await loadMemberRows(db, workspace.id, ids, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
		sizes: await listSnapshotSizes(db, workspace.id, list.id),
		today: utcDay(now),
		since,
		changes: await membershipChanges(db, workspace.id, list.id, since.day, ids),
		canEdit: can(member.role, 'crm.write')
	};
};

export const actions: Actions = {
	delete: async (event) => {
		const { db, workspace } = await requireWorkspace(event, 'crm.write');
		if (!(await deleteSmartList(db, workspace.id, event.params.id))) error(404, { message: NOT_FOUND });
		redirect(303, `/w/${workspace.slug}/lists`);
	}
};
