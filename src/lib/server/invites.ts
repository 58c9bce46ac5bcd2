import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Database } from './db/index';
import { invite, membership, user, workspace } from './db/schema';
import { generateSessionToken, hashToken } from './auth/session';
import { hashPassword } from './auth/password';
import { isUniqueViolation } from './db/errors';
import { EmailTakenError, findUserIdByEmail } from './commands/signUp';
import type { Department, Role } from '../domain/crm/vocabulary';

const INVITE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export interface PendingInvite {
	id: string;
	role: Role;
	department: Department;
	createdAt: Date;
	expiresAt: Date;
	createdByName: string | null;
}

/** Creates an invitation link token (returned once; only its hash is stored). */
export async function createInvite(
	db: Database,
	workspaceId: string,
	createdBy: string,
	input: { role: Role; department: Department },
	now = new Date()
): Promise<string> {
	const token = generateSessionToken();
	await db.insert(invite).values({
		workspaceId,
		tokenHash: hashToken(token),
		role: input.role,
		department: input.department,
		createdBy,
		expiresAt: new Date(now.getTime() + INVITE_LIFETIME_MS)
	});
	return token;
}

export async function listPendingInvites(db: Database, workspaceId: string, now = new Date()): Promise<PendingInvite[]> {
	return db
		.select({
			id: invite.id,
			role: invite.role,
			department: invite.department,
			createdAt: invite.createdAt,
			expiresAt: invite.expiresAt,
			createdByName: user.name
		})
		.from(invite)
		.leftJoin(user, eq(user.id, invite.createdBy))
		.where(and(eq(invite.workspaceId, workspaceId), isNull(invite.acceptedAt), isNull(invite.revokedAt), gt(invite.expiresAt, now)))
		.orderBy(desc(invite.createdAt));
}

export async function revokeInvite(db: Database, workspaceId: string, inviteId: string): Promise<boolean> {
	const rows = await db
		.update(invite)
		.set({ revokedAt: new Date() })
		.where(and(eq(invite.workspaceId, workspaceId), eq(invite.id, inviteId), isNull(invite.acceptedAt)))
		.returning({ id: invite.id });
	return rows.length > 0;
}

export interface OpenInvite {
	id: string;
	workspaceId: string;
	workspaceName: string;
	workspaceSlug: string;
	role: Role;
	department: Department;
}

/** An invite that can still be used: not accepted, not revoked, not expired. */
export async function findOpenInvite(db: Database, token: string, now = new Date()): Promise<OpenInvite | null> {
	const [row] = await db
		.select({
			id: invite.id,
			workspaceId: invite.workspaceId,
			workspaceName: workspace.name,
			workspaceSlug: workspace.slug,
			role: invite.role,
			department: invite.department
		})
		.from(invite)
		.innerJoin(workspace, eq(workspace.id, invite.workspaceId))
		.where(and(eq(invite.tokenHash, hashToken(token)), isNull(invite.acceptedAt), isNull(invite.revokedAt), gt(invite.expiresAt, now)));
	return row ?? null;
}

export class InviteUnavailableError extends Error {
	constructor() {
		super('This invitation link has expired, was revoked or was already used. Ask an admin for a new one.');
	}
}

/**
 * Uses an invite: the user (existing, or created here from `newUser`) joins the workspace with the
 * invite's role and department. The invite is consumed in the same transaction, so it works once.
 */
export async function acceptInvite(
	db: Database,
	token: string,
	who: { userId: string } | { name: string; email: string; password: string }
): Promise<{ userId: string; workspaceSlug: string }> {
	const passwordHash = 'password' in who ? await hashPassword(who.password) : null;
	try {
		return await db.transaction(async (tx) => {
			const open = await findOpenInvite(tx, token);
			if (!open) throw new InviteUnavailableError();
			let userId: string;
			if ('userId' in who) userId = who.userId;
			else {
				if (await findUserIdByEmail(tx, who.email)) throw new EmailTakenError();
				[{ id: userId }] = await tx
					.insert(user)
					.values({ email: who.email.toLowerCase(), name: who.name, passwordHash: passwordHash! })
					.returning({ id: user.id });
			}
			const consumed = await tx
				.update(invite)
				.set({ acceptedAt: new Date(), acceptedBy: userId })
				.where(and(eq(invite.id, open.id), isNull(invite.acceptedAt)))
				.returning({ id: invite.id });
			if (consumed.length === 0) throw new InviteUnavailableError();
			await tx
				.insert(membership)
				.values({ workspaceId: open.workspaceId, userId, role: open.role, department: open.department })
				.onConflictDoNothing();
			return { userId, workspaceSlug: open.workspaceSlug };
		});
	} catch (e) {
		if (isUniqueViolation(e)) throw new EmailTakenError();
		throw e;
	}
}
