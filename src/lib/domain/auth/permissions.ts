import type { Role } from '../crm/vocabulary';

/** Higher rank can do everything a lower rank can. */
const RANK: Record<Role, number> = { viewer: 0, member: 1, facilitator: 2, admin: 3, owner: 4 };

export type Action =
	| 'crm.read'
	| 'crm.write'
	| 'members.manage'
	| 'data.manage'
	| 'workspace.manage'
	| 'playbook.propose'
	| 'playbook.review'
	| 'playbook.admin'
	| 'data.import'
	| 'data.export';

const MIN_ROLE: Record<Action, Role> = {
	'crm.read': 'viewer',
	'crm.write': 'member',
	'members.manage': 'admin',
	'data.manage': 'admin',
	'workspace.manage': 'owner',
	'playbook.propose': 'member',
	'playbook.review': 'facilitator',
	'playbook.admin': 'admin',
	'data.import': 'admin',
	'data.export': 'admin'
};

const REFUSALS: Record<Action, string> = {
	'crm.read': 'You are not a member of this workspace.',
	'crm.write': 'Viewers can read the CRM but not change it. Ask an admin for the member role.',
	'members.manage': 'Only admins and owners can manage members and invitations.',
	'data.manage': 'Only admins and owners can import, export and clean data (merges, personal-data export and erasure), manage API tokens and webhooks, and read the audit log.',
	'workspace.manage': 'Only an owner can change the workspace itself.',
	'playbook.propose': 'Viewers can read the playbook but not propose changes. Ask an admin for the member role.',
	'playbook.review': 'Only facilitators and admins can save the playbook directly, review and merge proposals. Propose your change instead.',
	'playbook.admin': 'Only admins can restore old revisions and set the reading path.',
	'data.import': 'Only admins and owners can import CSV files. Ask an admin to run the import.',
	'data.export': 'Only admins and owners can export records as CSV. Ask an admin for the file.'
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
