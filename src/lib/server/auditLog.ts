import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Database } from './db/index';
import { auditEntry } from './db/schema';
import type { AuditFilter } from './audit';

/** One page of the workspace's audit log, newest first, with the total matching the filter. */
export async function listAuditPage(db: Database, workspaceId: string, filter: AuditFilter & { page?: number; pageSize?: number }) {
	const pageSize = filter.pageSize ?? 50;
	const where: SQL[] = [eq(auditEntry.workspaceId, workspaceId)];
	if (filter.action) where.push(eq(auditEntry.action, filter.action));
	if (filter.actorId) where.push(eq(auditEntry.actorId, filter.actorId));
	if (filter.from) where.push(gte(auditEntry.createdAt, filter.from));
	if (filter.to) where.push(lt(auditEntry.createdAt, filter.to));
	const [{ total }] = await db.select({ total: count() }).from(auditEntry).where(and(...where));
	const page = Math.min(Math.max(1, filter.page ?? 1), Math.max(1, Math.ceil(total / pageSize)));
	const rows = await db
		.select()
		.from(auditEntry)
		.where(and(...where))
		.orderBy(desc(auditEntry.createdAt), desc(auditEntry.id))
		.limit(pageSize)
		.offset((page - 1) * pageSize);
	return { rows, total, page, pageSize };
}

/** Everyone who appears in the log (members past and present, API tokens), for the actor filter. */
export async function listAuditActors(db: Database, workspaceId: string) {
	return db
		.selectDistinct({ actorId: auditEntry.actorId, actorLabel: auditEntry.actorLabel })
		.from(auditEntry)
		.where(eq(auditEntry.workspaceId, workspaceId))
		.orderBy(auditEntry.actorLabel);
}
