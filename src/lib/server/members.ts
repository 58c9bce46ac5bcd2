import { and, count, eq } from 'drizzle-orm';
import type { Database } from './db/index';
import { membership, user } from './db/schema';
import { recordAudit } from './audit';
import { canAssignRole } from '../domain/auth/permissions';
import type { Department, Role } from '../domain/crm/vocabulary';

export class MemberChangeError extends Error {}

/** The member who makes a change: their role decides what they may do; the audit log names them. */
export interface MemberActor {
	userId: string;
	name: string;
	role: Role;
}

async function currentMembership(db: Database, workspaceId: string, userId: string) {
	const [row] = await db
		.select({ role: membership.role, department: membership.department, name: user.name })
		.from(membership)
		.innerJoin(user, eq(user.id, membership.userId))
		.where(and(eq(membership.workspaceId, workspaceId), eq(membership.userId, userId)))
		.for('update', { of: membership });
	if (!row) throw new MemberChangeError('That person is not a member of this workspace.');
	return row;
}

async function assertOwnerRemains(db: Database, workspaceId: string): Promise<void> {
	const [row] = await db
		.select({ n: count() })
		.from(membership)
		.where(and(eq(membership.workspaceId, workspaceId), eq(membership.role, 'owner')));
	if (!row || row.n < 1) throw new MemberChangeError('A workspace needs at least one owner. Make someone else owner first.');
}

/**
 * Changes a member's role and department, as the actor's role allows (see canAssignRole); one
 * transaction, with an audit entry when the role changes.
 */
export async function updateMember(
	db: Database,
	workspaceId: string,
	actor: MemberActor,
	change: { userId: string; role: Role; department: Department }
): Promise<void> {
	await db.transaction(async (tx) => {
		const current = await currentMembership(tx, workspaceId, change.userId);
		if (!canAssignRole(actor.role, current.role, change.role)) {
			throw new MemberChangeError('Only an owner can give or take away the owner role.');
		}
		await tx
			.update(membership)
			.set({ role: change.role, department: change.department })
			.where(and(eq(membership.workspaceId, workspaceId), eq(membership.userId, change.userId)));
		await assertOwnerRemains(tx, workspaceId);
		if (current.role !== change.role) {
			await recordAudit(tx, {
				workspaceId,
				actorId: actor.userId,
				actorLabel: actor.name,
				action: 'member.role_change',
				subjectType: 'user',
				subjectId: change.userId,
				summary: `Changed ${current.name}'s role from ${current.role} to ${change.role}`,
				details: { from: current.role, to: change.role }
			});
		}
	});
}

export async function removeMember(db: Database, workspaceId: string, actor: MemberActor, userId: string): Promise<void> {
	await db.transaction(async (tx) => {
		const current = await currentMembership(tx, workspaceId, userId);
		if (!canAssignRole(actor.role, current.role, null)) throw new MemberChangeError('Only an owner can remove an owner.');
		await tx.delete(membership).where(and(eq(membership.workspaceId, workspaceId), eq(membership.userId, userId)));
		await assertOwnerRemains(tx, workspaceId);
		await recordAudit(tx, {
			workspaceId,
			actorId: actor.userId,
			actorLabel: actor.name,
			action: 'member.remove',
			subjectType: 'user',
			subjectId: userId,
			summary: `Removed ${current.name} (${current.role}) from the workspace`,
			details: { role: current.role, department: current.department }
		});
	});
}
