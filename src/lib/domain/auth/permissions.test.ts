import { describe, expect, it } from 'vitest';
import { can, canAssignRole } from './permissions';

describe('permissions', () => {
	it('lets viewers read but not write', () => {
		expect(can('viewer', 'crm.read')).toBe(true);
		expect(can('viewer', 'crm.write')).toBe(false);
	});

	it('lets members write the CRM but not manage members', () => {
		expect(can('member', 'crm.write')).toBe(true);
		expect(can('member', 'members.manage')).toBe(false);
		expect(can('facilitator', 'members.manage')).toBe(false);
	});

	it('lets admins manage members but not the workspace', () => {
		expect(can('admin', 'members.manage')).toBe(true);
		expect(can('admin', 'workspace.manage')).toBe(false);
		expect(can('owner', 'workspace.manage')).toBe(true);
	});

	it('lets members propose playbook changes and facilitators review and merge them', () => {
		expect(can('viewer', 'playbook.propose')).toBe(false);
		expect(can('member', 'playbook.propose')).toBe(true);
		expect(can('member', 'playbook.review')).toBe(false);
		expect(can('facilitator', 'playbook.review')).toBe(true);
		expect(can('facilitator', 'playbook.admin')).toBe(false);
		expect(can('admin', 'playbook.admin')).toBe(true);
	});

	it('keeps ownership in owners’ hands', () => {
		expect(canAssignRole('admin', 'member', 'facilitator')).toBe(true);
		expect(canAssignRole('admin', 'member', 'owner')).toBe(false);
		expect(canAssignRole('admin', 'owner', 'member')).toBe(false);
		expect(canAssignRole('admin', 'owner', null)).toBe(false);
		expect(canAssignRole('owner', 'owner', 'admin')).toBe(true);
		expect(canAssignRole('member', 'viewer', 'member')).toBe(false);
	});
});
