import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { listMembers } from '$lib/server/workspaces';
import { createInvite, listPendingInvites, revokeInvite } from '$lib/server/invites';
import { MemberChangeError, removeMember, updateMember } from '$lib/server/members';
import { readForm } from '$lib/domain/forms/readForm';
import { inviteInput, memberUpdateInput } from '$lib/domain/auth/inputs';
import { can } from '$lib/domain/auth/permissions';

export const load: PageServerLoad = async (event) => {
	const { db, workspace, member } = await requireWorkspace(event);
	const manage = can(member.role, 'members.manage');
	return {
		members: await listMembers(db, workspace.id),
		invites: manage ? await listPendingInvites(db, workspace.id) : []
	};
};

const memberFailure = (e: unknown) => {
	if (e instanceof MemberChangeError) return fail(400, { memberError: e.message });
	throw e;
};

export const actions: Actions = {
	invite: async (event) => {
		const { db, workspace, userId } = await requireWorkspace(event, 'members.manage');
		const form = readForm(inviteInput, await event.request.formData());
		if (!form.ok) return fail(400, { inviteErrors: form.errors });
		if (form.data.role === 'owner' && (await requireWorkspace(event)).member.role !== 'owner')
			return fail(400, { inviteErrors: { role: 'Only an owner can invite another owner.' } as Record<string, string> });
		const token = await createInvite(db, workspace.id, userId, form.data);
		return { inviteLink: `${event.url.origin}/invite/${token}`, invited: form.data };
	},
	revoke: async (event) => {
		const { db, workspace } = await requireWorkspace(event, 'members.manage');
		const form = readForm(z.object({ inviteId: z.uuid('Choose an invitation.') }), await event.request.formData());
		if (!form.ok || !(await revokeInvite(db, workspace.id, form.data.inviteId)))
			return fail(400, { memberError: 'That invitation no longer exists or was already used.' });
		return { revoked: true };
	},
	update: async (event) => {
		const { db, workspace, member } = await requireWorkspace(event, 'members.manage');
		const form = readForm(memberUpdateInput, await event.request.formData());
		if (!form.ok) return fail(400, { memberError: Object.values(form.errors)[0] });
		try {
			await updateMember(db, workspace.id, member, form.data);
		} catch (e) {
			return memberFailure(e);
		}
		return { updated: true };
	},
	remove: async (event) => {
		const { db, workspace, member } = await requireWorkspace(event, 'members.manage');
		const form = readForm(z.object({ userId: z.uuid('Choose a member.') }), await event.request.formData());
		if (!form.ok) return fail(400, { memberError: 'Choose a member to remove.' });
		try {
			await removeMember(db, workspace.id, member, form.data.userId);
		} catch (e) {
			return memberFailure(e);
		}
		return { removed: true };
	}
};
