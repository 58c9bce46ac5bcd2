import type { Role } from '../crm/vocabulary';

/** Higher rank can do everything a lower rank can. */
const RANK: Record<Role, number> = { viewer: 0, member: 1, facilitator: 2, admin: 3, owner: 4 };

export type Action =
	| 'crm.read'
	| 'crm.write'
	| 'members.manage'
	| 'workspace.manage';

const MIN_ROLE: Record<Action, Role> = {
	'crm.read': 'viewer',
	'crm.write': 'member',
	'members.manage': 'admin',
	'workspace.manage': 'owner'
};

const REFUSALS: Record<Action, string> = {
	'crm.read': 'You are not a member of this workspace.',
	'crm.write': 'Viewers can read the CRM but not change it. Ask an admin for the member role.',
	'members.manage': 'Only admins and owners can manage members and invitations.',
	'workspace.manage': 'Only an owner can change the workspace itself.'
};

export function can(role: Role, action: Action): boolean {
	return RANK[role] >= RANK[MIN_ROLE[action]];
}

export function refusalFor(action: Action): string {
	return REFUSALS[action];
}

/**
 * Whether `actor` may give `target` the role `next` (or remove them when next is null).
 * Admins manage everyone below owner; only owners grant or take away ownership.
 */
export function canAssignRole(actor: Role, current: Role, next: Role | null): boolean {
	if (!can(actor, 'members.manage')) return false;
	if (actor === 'owner') return true;
	return current !== 'owner' && next !== 'owner';
}
