import type { PageServerLoad } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { listSmartLists, definitionOf } from '$lib/server/smartLists/smartLists';
import { liveMembers } from '$lib/server/smartLists/liveMembers';
import { listMembers } from '$lib/server/workspaces';
import { describeFilters } from '$lib/domain/smartLists/describeFilters';
import { describeRule } from '$lib/domain/signals/describeRule';
import { can } from '$lib/domain/auth/permissions';

export const load: PageServerLoad = async (event) => {
	const { db, workspace, member } = await requireWorkspace(event);
	const owners = new Map((await listMembers(db, workspace.id)).map((m) => [m.userId, m.name]));
	const now = new Date();
	const lists = [];
	for (const row of await listSmartLists(db, workspace.id)) {
		const d = definitionOf(row);
		lists.push({
			id: row.id,
			name: row.name,
			description: row.description,
			criteria: [...describeFilters(d.filters, owners), ...(d.rule ? [describeRule(d.rule)] : [])],
			ruleProblem: d.ruleProblem,
			size: (await liveMembers(db, row, now)).length,
			updatedAt: row.updatedAt
		});
	}
	return { lists, canEdit: can(member.role, 'crm.write') };
};
