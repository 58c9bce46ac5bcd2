import { and, count, eq } from 'drizzle-orm';
import type { Database } from './db/index';
import { membership } from './db/schema';
import { canAssignRole } from '../domain/auth/permissions';
import type { Department, Role } from '../domain/crm/vocabulary';

export class MemberChangeError extends Error {}

async function currentRole(db: Database, workspaceId: string, userId: string): Promise<Role> {
	const [row] = await db
		.select({ role: membership.role })
		.from(membership)
		.where(and(eq(membership.workspaceId, workspaceId), eq(membership.userId, userId)))
		.for('update');
	if (!row) throw new MemberChangeError('That person is not a member of this workspace.');
	return row.role;
}

async function assertOwnerRemains(db: Database, workspaceId: string): Promise<void> {
	const [row] = await db
		.select({ n: count() })
		.from(membership)
		.where(and(eq(membership.workspaceId, workspaceId), eq(membership.role, 'owner')));
	if (!row || row.n < 1) throw new MemberChangeError('A workspace needs at least one owner. Make someone else owner first.');
}

/** Changes a member's role and department, as `actorRole` may (see canAssignRole); one transaction. */
export async function updateMember(
	db: Database,
	workspaceId: string,
	actorRole: Role,
	change: { userId: string; role: Role; department: Department }
): Promise<void> {
	await db.transaction(async (tx) => {
		const current = await currentRole(tx, workspaceId, change.userId);
		if (!canAssignRole(actorRole, current, change.role)) {
			throw new MemberChangeError('Only an owner can give or take away the owner role.');
		}
		await tx
			.update(membership)
			.set({ role: change.role, department: change.department })
			.where(and(eq(membership.workspaceId, workspaceId), eq(membership.userId, change.userId)));
		await assertOwnerRemains(tx, workspaceId);
	});
}

export async function removeMember(db: Database, workspaceId: string, actorRole: Role, userId: string): Promise<void> {
	await db.transaction(async (tx) => {
		const current = await currentRole(tx, workspaceId, userId);
		if (!canAssignRole(actorRole, current, null)) throw new MemberChangeError('Only an owner can remove an owner.');
		await tx.delete(membership).where(and(eq(membership.workspaceId, workspaceId), eq(membership.userId, userId)));
		await assertOwnerRemains(tx, workspaceId);
	});
}
