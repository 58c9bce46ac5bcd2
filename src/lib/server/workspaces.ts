import { and, asc, eq } from 'drizzle-orm';
import type { Database } from './db/index';
import { membership, user, workspace } from './db/schema';
import type { Department, Role } from '../domain/crm/vocabulary';

export interface WorkspaceRef {
	id: string;
	name: string;
	slug: string;
	isDemo: boolean;
}

export interface Member {
	userId: string;
	name: string;
	email: string;
	role: Role;
	department: Department;
}

export interface WorkspaceContext {
	workspace: WorkspaceRef;
	member: Member;
}

const workspaceColumns = { id: workspace.id, name: workspace.name, slug: workspace.slug, isDemo: workspace.isDemo };
const memberColumns = {
	userId: user.id,
	name: user.name,
	email: user.email,
	role: membership.role,
	department: membership.department
};

/** The workspace behind a URL slug, with the user's membership; null when they are not a member. */
export async function findWorkspaceContext(db: Database, slug: string, userId: string): Promise<WorkspaceContext | null> {
	const [row] = await db
		.select({ workspace: workspaceColumns, member: memberColumns })
		.from(workspace)
		.innerJoin(membership, eq(membership.workspaceId, workspace.id))
		.innerJoin(user, eq(user.id, membership.userId))
		.where(and(eq(workspace.slug, slug), eq(membership.userId, userId)));
	return row ?? null;
}

export async function listUserWorkspaces(db: Database, userId: string): Promise<(WorkspaceRef & { role: Role })[]> {
	return db
		.select({ ...workspaceColumns, role: membership.role })
		.from(membership)
		.innerJoin(workspace, eq(workspace.id, membership.workspaceId))
		.where(eq(membership.userId, userId))
		.orderBy(asc(workspace.name));
}

export async function listMembers(db: Database, workspaceId: string): Promise<Member[]> {
	return db
		.select(memberColumns)
		.from(membership)
		.innerJoin(user, eq(user.id, membership.userId))
		.where(eq(membership.workspaceId, workspaceId))
		.orderBy(asc(user.name));
}

/** Whether a user id belongs to this workspace (owners and assignees must be members). */
export async function isMember(db: Database, workspaceId: string, userId: string): Promise<boolean> {
	const [row] = await db
		.select({ userId: membership.userId })
		.from(membership)
		.where(and(eq(membership.workspaceId, workspaceId), eq(membership.userId, userId)));
	return Boolean(row);
}
