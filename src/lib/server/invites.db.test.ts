import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { testDatabases } from '../../../tests/databases';
import { makeUser, makeWorkspace } from '../../../tests/factories';
import type { OpenDatabase } from './db/index';
import { invite, membership } from './db/schema';
import { EmailTakenError, signUp } from './commands/signUp';
import { acceptInvite, createInvite, findOpenInvite, InviteUnavailableError, listPendingInvites, revokeInvite } from './invites';
import { MemberChangeError, removeMember, updateMember } from './members';
import { findWorkspaceContext } from './workspaces';
import { listAuditEntries } from './audit';
import { verifyPassword } from './auth/password';

describe.each(testDatabases())('workspaces, invitations and members on $name', ({ open }) => {
	let store: OpenDatabase;
	beforeAll(async () => {
		store = await open();
	});
	afterAll(() => store.close());

	const roleOf = async (workspaceId: string, userId: string) =>
		(await store.db.select({ role: membership.role }).from(membership).where(and(eq(membership.workspaceId, workspaceId), eq(membership.userId, userId))))[0]?.role;

	it('signs a user up as the owner of a new workspace with a unique slug, and refuses a taken email', async () => {
		const input = { name: 'Ada', email: `Ada-${Date.now()}@Example.test`, password: 'long enough pw', workspaceName: 'Acme Revenue', department: 'sales' as const };
		const first = await signUp(store.db, input);
		expect(first.workspaceSlug).toMatch(/^acme-revenue/);
		const ctx = await findWorkspaceContext(store.db, first.workspaceSlug, first.userId);
		expect(ctx?.member).toMatchObject({ role: 'owner', department: 'sales', email: input.email.toLowerCase() });
		await expect(signUp(store.db, { ...input, email: input.email.toUpperCase() })).rejects.toBeInstanceOf(EmailTakenError);
		const second = await signUp(store.db, { ...input, email: `b-${input.email}` });
		expect(second.workspaceSlug).not.toBe(first.workspaceSlug);
	});

	it('lets a new person join by link with the invited role and department, exactly once', async () => {
		const w = await makeWorkspace(store.db);
		const admin = await makeUser(store.db, { workspaceId: w.id, role: 'admin' });
		const token = await createInvite(store.db, w.id, admin.id, { role: 'facilitator', department: 'success' });
		expect(await listPendingInvites(store.db, w.id)).toHaveLength(1);
		const [stored] = await store.db.select().from(invite).where(eq(invite.workspaceId, w.id));
		expect(stored.tokenHash).not.toBe(token);

		const email = `newbie-${Date.now()}@example.test`;
		const joined = await acceptInvite(store.db, token, { name: 'Newbie', email, password: 'a long password' });
		const ctx = await findWorkspaceContext(store.db, joined.workspaceSlug, joined.userId);
		expect(ctx?.member).toMatchObject({ role: 'facilitator', department: 'success', email });
		await expect(acceptInvite(store.db, token, { userId: admin.id })).rejects.toBeInstanceOf(InviteUnavailableError);
		expect(await listPendingInvites(store.db, w.id)).toHaveLength(0);
	});

	it('stores the joiner’s password as an argon2id hash', async () => {
		const w = await makeWorkspace(store.db);
		const admin = await makeUser(store.db, { workspaceId: w.id, role: 'admin' });
		const token = await createInvite(store.db, w.id, admin.id, { role: 'member', department: 'support' });
		const email = `hash-${Date.now()}@example.test`;
		await acceptInvite(store.db, token, { name: 'H', email, password: 'correct horse battery' });
		const { user } = await import('./db/schema');
		const [row] = await store.db.select({ hash: user.passwordHash }).from(user).where(eq(user.email, email));
		expect(row.hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(await verifyPassword(row.hash, 'correct horse battery')).toBe(true);
		expect(await verifyPassword(row.hash, 'wrong')).toBe(false);
	});

	it('refuses revoked and expired invitations', async () => {
		const w = await makeWorkspace(store.db);
		const admin = await makeUser(store.db, { workspaceId: w.id, role: 'admin' });
		const revoked = await createInvite(store.db, w.id, admin.id, { role: 'member', department: 'sales' });
		const [row] = await listPendingInvites(store.db, w.id);
		expect(await revokeInvite(store.db, w.id, row.id)).toBe(true);
		expect(await findOpenInvite(store.db, revoked)).toBeNull();
		const expired = await createInvite(store.db, w.id, admin.id, { role: 'member', department: 'sales' }, new Date('2020-01-01'));
		await expect(acceptInvite(store.db, expired, { userId: admin.id })).rejects.toBeInstanceOf(InviteUnavailableError);
	});

	it('does not let an admin of one workspace revoke another workspace’s invitation', async () => {
		const a = await makeWorkspace(store.db);
		const b = await makeWorkspace(store.db);
		const adminB = await makeUser(store.db, { workspaceId: b.id, role: 'admin' });
		const token = await createInvite(store.db, b.id, adminB.id, { role: 'member', department: 'sales' });
		const [pending] = await listPendingInvites(store.db, b.id);
		expect(await revokeInvite(store.db, a.id, pending.id)).toBe(false);
		expect(await findOpenInvite(store.db, token)).not.toBeNull();
	});

	it('keeps ownership with owners and always at least one owner, and logs role changes and removals', async () => {
		const w = await makeWorkspace(store.db);
		const owner = await makeUser(store.db, { workspaceId: w.id, role: 'owner' });
		const admin = await makeUser(store.db, { workspaceId: w.id, role: 'admin' });
		const member = await makeUser(store.db, { workspaceId: w.id, role: 'member' });
		const asAdmin = { userId: admin.id, name: 'Admin Ann', role: 'admin' as const };
		const asOwner = { userId: owner.id, name: 'Owner Olu', role: 'owner' as const };

		await updateMember(store.db, w.id, asAdmin, { userId: member.id, role: 'facilitator', department: 'product' });
		expect(await roleOf(w.id, member.id)).toBe('facilitator');
		await expect(updateMember(store.db, w.id, asAdmin, { userId: member.id, role: 'owner', department: 'product' })).rejects.toBeInstanceOf(MemberChangeError);
		await expect(updateMember(store.db, w.id, asAdmin, { userId: owner.id, role: 'viewer', department: 'sales' })).rejects.toBeInstanceOf(MemberChangeError);
		await expect(removeMember(store.db, w.id, asAdmin, owner.id)).rejects.toBeInstanceOf(MemberChangeError);
		await expect(updateMember(store.db, w.id, asOwner, { userId: owner.id, role: 'admin', department: 'sales' })).rejects.toThrow(/at least one owner/);
		expect(await roleOf(w.id, owner.id)).toBe('owner');
		await removeMember(store.db, w.id, asAdmin, member.id);
		expect(await roleOf(w.id, member.id)).toBeUndefined();
		expect(await roleOf(w.id, admin.id)).toBe('admin');

		// Only the two changes that happened are logged (refused ones roll back with their entry).
		const log = await listAuditEntries(store.db, w.id);
		expect(log.map((e) => [e.action, e.actorLabel, e.subjectId])).toEqual([
			['member.remove', 'Admin Ann', member.id],
			['member.role_change', 'Admin Ann', member.id]
		]);
		expect(log[1].details).toEqual({ from: 'member', to: 'facilitator' });
		expect(await listAuditEntries(store.db, w.id, { action: 'member.remove' })).toHaveLength(1);
		const otherWorkspace = await makeWorkspace(store.db);
		expect(await listAuditEntries(store.db, otherWorkspace.id)).toEqual([]);
	});

	it('does not find a workspace for someone who is not its member', async () => {
		const w = await makeWorkspace(store.db);
		const outsider = await makeUser(store.db);
		expect(await findWorkspaceContext(store.db, w.slug, outsider.id)).toBeNull();
	});
});
