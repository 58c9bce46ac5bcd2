import { and, asc, desc, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Database } from '../db/index';
import { membership, signalAcknowledgement, user } from '../db/schema';
import { diffSignals } from '../../domain/playbook/signalChanges';
import { listSignals } from '../../domain/playbook/signalBlock';
import type { PlaybookDocument } from '../../domain/playbook/document';
import type { Department } from '../../domain/crm/vocabulary';

function notifiedBy(doc: PlaybookDocument): Map<string, Department[]> {
	return new Map(listSignals(doc).signals.map((s) => [s.id, s.notify as Department[]]));
}

/**
 * When a revision changes a signal that notifies departments, every member of those departments
 * (except the author) is asked to acknowledge it, so nobody keeps working from the old version.
 */
export async function requestAcknowledgements(
	db: Database,
	workspaceId: string,
	input: { before: PlaybookDocument; after: PlaybookDocument; revision: number; authorId: string | null }
): Promise<number> {
	const changes = diffSignals(input.before, input.after);
	if (changes.length === 0) return 0;
	const before = notifiedBy(input.before);
	const after = notifiedBy(input.after);
	const rows: (typeof signalAcknowledgement.$inferInsert)[] = [];
	for (const change of changes) {
		const departments = [...new Set([...(before.get(change.id) ?? []), ...(after.get(change.id) ?? [])])];
		if (departments.length === 0) continue;
		const members = await db
			.select({ userId: membership.userId, department: membership.department })
			.from(membership)
			.where(
				and(
					eq(membership.workspaceId, workspaceId),
					inArray(membership.department, departments),
					input.authorId ? ne(membership.userId, input.authorId) : undefined
				)
			);
		const summary = `${change.name}: ${change.kind === 'changed' ? change.changes.join('; ') : `signal ${change.kind}`}`;
		for (const m of members) {
			rows.push({ workspaceId, revision: input.revision, signalId: change.id, userId: m.userId, department: m.department, changes: summary });
		}
	}
	if (rows.length) await db.insert(signalAcknowledgement).values(rows).onConflictDoNothing();
	return rows.length;
}

export async function listPendingAcknowledgements(db: Database, workspaceId: string, userId: string) {
	return db
		.select({
			revision: signalAcknowledgement.revision,
			signalId: signalAcknowledgement.signalId,
			changes: signalAcknowledgement.changes,
			department: signalAcknowledgement.department
		})
		.from(signalAcknowledgement)
		.where(and(eq(signalAcknowledgement.workspaceId, workspaceId), eq(signalAcknowledgement.userId, userId), isNull(signalAcknowledgement.acknowledgedAt)))
		.orderBy(asc(signalAcknowledgement.revision), asc(signalAcknowledgement.signalId));
}

export async function acknowledgeSignalChange(db: Database, workspaceId: string, userId: string, revision: number, signalId: string): Promise<boolean> {
	const rows = await db
		.update(signalAcknowledgement)
		.set({ acknowledgedAt: new Date() })
		.where(
			and(
				eq(signalAcknowledgement.workspaceId, workspaceId),
				eq(signalAcknowledgement.userId, userId),
				eq(signalAcknowledgement.revision, revision),
				eq(signalAcknowledgement.signalId, signalId),
				isNull(signalAcknowledgement.acknowledgedAt)
			)
		)
		.returning({ signalId: signalAcknowledgement.signalId });
	return rows.length > 0;
}

/** For admins: every requested acknowledgement, who has and who has not, newest revision first. */
export async function listAcknowledgementStatus(db: Database, workspaceId: string, limit = 500) {
	return db
		.select({
			revision: signalAcknowledgement.revision,
			signalId: signalAcknowledgement.signalId,
			changes: signalAcknowledgement.changes,
			department: signalAcknowledgement.department,
			userName: user.name,
			acknowledgedAt: signalAcknowledgement.acknowledgedAt
		})
		.from(signalAcknowledgement)
		.innerJoin(user, eq(user.id, signalAcknowledgement.userId))
		.where(eq(signalAcknowledgement.workspaceId, workspaceId))
		.orderBy(desc(signalAcknowledgement.revision), asc(signalAcknowledgement.signalId), asc(user.name))
		.limit(limit);
}
