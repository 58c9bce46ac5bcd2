import type { LayoutServerLoad } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { listUserWorkspaces } from '$lib/server/workspaces';
import { can } from '$lib/domain/auth/permissions';

export const load: LayoutServerLoad = async (event) => {
	const { workspace, member, db, userId } = await requireWorkspace(event);
	return {
		workspace,
		member,
		workspaces: await listUserWorkspaces(db, userId),
		canWrite: can(member.role, 'crm.write'),
		canManageMembers: can(member.role, 'members.manage'),
		canManageData: can(member.role, 'data.manage')
	};
};
