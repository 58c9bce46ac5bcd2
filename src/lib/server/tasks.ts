import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from './db/index';
import { account, task, user } from './db/schema';
import { assertReferences } from './references';
import type { TaskInput } from '../domain/crm/inputs';
import type { TaskStatus } from '../domain/crm/vocabulary';

const taskColumns = {
	id: task.id,
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
