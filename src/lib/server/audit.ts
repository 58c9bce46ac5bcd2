import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Database } from './db/index';
import { auditEntry } from './db/schema';
import type { AuditAction } from '../domain/audit/auditActions';

export interface AuditInput {
	workspaceId: string;
	actorId: string | null;
	actorLabel: string;
	action: AuditAction;
	subjectType?: string;
	subjectId?: string;
	summary: string;
	details?: Record<string, unknown>;
}

/**
 * Records a sensitive action. Pass the transaction that does the action, so the entry exists
 * exactly when the action does.
 */
export async function recordAudit(tx: Database, input: AuditInput): Promise<void> {
	await tx.insert(auditEntry).values({
		workspaceId: input.workspaceId,
		actorId: input.actorId,
		actorLabel: input.actorLabel,
		action: input.action,
		subjectType: input.subjectType ?? null,
		subjectId: input.subjectId ?? null,
		summary: input.summary,
		details: input.details ?? {}
	});
}

export interface AuditFilter {
	action?: AuditAction;
	actorId?: string;
	from?: Date;
	to?: Date;
	limit?: number;
}

/** The workspace's audit entries, newest first, optionally filtered by action, actor and period. */
export async function listAuditEntries(db: Database, workspaceId: string, filter: AuditFilter = {}) {
	const where: SQL[] = [eq(auditEntry.workspaceId, workspaceId)];
	if (filter.action) where.push(eq(auditEntry.action, filter.action));
	if (filter.actorId) where.push(eq(auditEntry.actorId, filter.actorId));
	if (filter.from) where.push(gte(auditEntry.createdAt, filter.from));
	if (filter.to) where.push(lt(auditEntry.createdAt, filter.to));
	return db
		.select()
		.from(auditEntry)
		.where(and(...where))
		.orderBy(desc(auditEntry.createdAt), desc(auditEntry.id))
		.limit(filter.limit ?? 200);
}
