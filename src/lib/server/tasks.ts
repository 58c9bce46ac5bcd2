import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from './db/index';
import { account, task, user } from './db/schema';
import { assertReferences } from './references';
import type { TaskEditInput, TaskInput } from '../domain/crm/inputs';
import type { TaskStatus } from '../domain/crm/vocabulary';

const taskColumns = {
	id: task.id,
	contactId: task.contactId,
	dealId: task.dealId,
	title: task.title,
	status: task.status,
	dueOn: task.dueOn,
	ownerId: task.ownerId,
	ownerName: user.name,
	accountId: task.accountId,
	accountName: account.name
};

const selectTasks = (db: Database) =>
	db.select(taskColumns).from(task).leftJoin(user, eq(user.id, task.ownerId)).leftJoin(account, eq(account.id, task.accountId));

const byDue = [sql`${task.dueOn} asc nulls last`, asc(task.createdAt)];

export async function listOpenAccountTasks(db: Database, workspaceId: string, accountId: string) {
	return selectTasks(db)
		.where(and(eq(task.workspaceId, workspaceId), eq(task.accountId, accountId), eq(task.status, 'open')))
		.orderBy(...byDue);
}

export async function listOpenTasksFor(db: Database, workspaceId: string, ownerId: string, limit = 20) {
	return selectTasks(db)
		.where(and(eq(task.workspaceId, workspaceId), eq(task.ownerId, ownerId), eq(task.status, 'open')))
		.orderBy(...byDue)
		.limit(limit);
}

export async function addTask(
	db: Database,
	workspaceId: string,
	accountId: string | null,
	createdBy: string,
	input: TaskInput
): Promise<string> {
	await assertReferences(db, workspaceId, { accountId, contactId: input.contactId, dealId: input.dealId, ownerId: input.ownerId });
	const [row] = await db
		.insert(task)
		.values({ ...input, workspaceId, accountId, createdBy })
		.returning({ id: task.id });
	return row.id;
}

export async function setTaskStatus(db: Database, workspaceId: string, taskId: string, status: TaskStatus): Promise<boolean> {
	const rows = await db
		.update(task)
		.set({ status, completedAt: status === 'done' ? new Date() : null })
		.where(and(eq(task.workspaceId, workspaceId), eq(task.id, taskId)))
		.returning({ id: task.id });
	return rows.length > 0;
}

export async function getTask(db: Database, workspaceId: string, taskId: string) {
	const [row] = await selectTasks(db).where(and(eq(task.workspaceId, workspaceId), eq(task.id, taskId)));
	return row ?? null;
}

export async function updateTask(db: Database, workspaceId: string, taskId: string, input: TaskEditInput): Promise<boolean> {
	await assertReferences(db, workspaceId, { contactId: input.contactId, dealId: input.dealId, ownerId: input.ownerId });
	const rows = await db
		.update(task)
		.set({ ...input, completedAt: input.status === 'done' ? sql`coalesce(${task.completedAt}, now())` : null })
		.where(and(eq(task.workspaceId, workspaceId), eq(task.id, taskId)))
		.returning({ id: task.id });
	return rows.length > 0;
}

export interface TaskFilter {
	ownerId?: string | null;
	status?: TaskStatus | null;
}

/** The task list: open tasks first by due date; capped, as long lists are worked from the top. */
export async function listTasks(db: Database, workspaceId: string, filter: TaskFilter = {}, limit = 200) {
	return selectTasks(db)
		.where(
			and(
				eq(task.workspaceId, workspaceId),
				filter.ownerId ? eq(task.ownerId, filter.ownerId) : undefined,
				filter.status ? eq(task.status, filter.status) : undefined
			)
		)
		.orderBy(...byDue)
		.limit(limit);
}
