import { and, asc, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Database } from '../db/index';
import { membership, practiceSession, sessionParticipant, user } from '../db/schema';
import { initialSessionState, suggestNextFacilitator, type SessionPlan } from '../../domain/session';
import { InvalidReferenceError } from '../references';
import { loadSessionState } from './sessionState';

export interface SessionSummaryRow {
	id: string;
	title: string;
	objective: string;
	scheduledAt: Date;
	status: 'planned' | 'live' | 'ended';
	facilitatorId: string | null;
	facilitatorName: string | null;
	startedAt: Date | null;
	endedAt: Date | null;
}

/** Plans a session; the facilitator and participants must be members (not viewers) of the workspace. */
export async function createSession(
	db: Database,
	workspaceId: string,
	input: { plan: SessionPlan; facilitatorId: string; createdBy: string }
): Promise<string> {
	const people = [...new Set([input.facilitatorId, ...input.plan.participantIds])];
	const members = await db
		.select({ userId: membership.userId, role: membership.role })
		.from(membership)
		.where(and(eq(membership.workspaceId, workspaceId), inArray(membership.userId, people)));
	const ok = new Set(members.filter((m) => m.role !== 'viewer').map((m) => m.userId));
	if (!ok.has(input.facilitatorId)) throw new InvalidReferenceError('facilitatorId', 'The facilitator must be a member of this workspace who can take part (not a viewer).');
	if (people.some((p) => !ok.has(p))) throw new InvalidReferenceError('participantIds', 'Participants must be members of this workspace (viewers can watch, not take part).');
	return db.transaction(async (tx) => {
		const state = initialSessionState(input.plan, input.facilitatorId);
		const [row] = await tx
			.insert(practiceSession)
			.values({
				workspaceId,
				title: input.plan.title,
				objective: input.plan.objective,
				scheduledAt: new Date(input.plan.scheduledAt),
				plan: input.plan as unknown as Record<string, unknown>,
				facilitatorId: input.facilitatorId,
				state: state as unknown as Record<string, unknown>,
				createdBy: input.createdBy
			})
			.returning({ id: practiceSession.id });
		await tx.insert(sessionParticipant).values(people.map((userId) => ({ sessionId: row.id, userId })));
		return row.id;
	});
}

const summaryColumns = {
	id: practiceSession.id,
	title: practiceSession.title,
	objective: practiceSession.objective,
	scheduledAt: practiceSession.scheduledAt,
	status: practiceSession.status,
	facilitatorId: practiceSession.facilitatorId,
	facilitatorName: user.name,
	startedAt: practiceSession.startedAt,
	endedAt: practiceSession.endedAt
};

export async function listSessions(db: Database, workspaceId: string): Promise<SessionSummaryRow[]> {
	return db
		.select(summaryColumns)
		.from(practiceSession)
		.leftJoin(user, eq(user.id, practiceSession.facilitatorId))
		.where(eq(practiceSession.workspaceId, workspaceId))
		.orderBy(desc(practiceSession.scheduledAt))
		.limit(200);
}

/** A session of this workspace with its full (server-side, unprojected) state; null if not here. */
export async function getSession(db: Database, workspaceId: string, sessionId: string) {
	const [row] = await db
		.select({ ...summaryColumns, lastSeq: practiceSession.lastSeq })
		.from(practiceSession)
		.leftJoin(user, eq(user.id, practiceSession.facilitatorId))
		.where(and(eq(practiceSession.workspaceId, workspaceId), eq(practiceSession.id, sessionId)));
	if (!row) return null;
	const { state } = (await loadSessionState(db, sessionId, row.lastSeq))!;
	return { ...row, lastSeq: state.lastSeq, state };
}

export async function listSessionParticipants(db: Database, sessionId: string) {
	return db
		.select({ id: user.id, name: user.name, department: membership.department, role: membership.role })
		.from(sessionParticipant)
		.innerJoin(practiceSession, eq(practiceSession.id, sessionParticipant.sessionId))
		.innerJoin(user, eq(user.id, sessionParticipant.userId))
		.innerJoin(membership, and(eq(membership.userId, user.id), eq(membership.workspaceId, practiceSession.workspaceId)))
		.where(eq(sessionParticipant.sessionId, sessionId))
		.orderBy(asc(user.name));
}

/** Who should facilitate next: members who facilitated least recently (never first). */
export async function suggestFacilitator(db: Database, workspaceId: string) {
	const [members, past] = await Promise.all([
		db
			.select({ id: user.id, name: user.name, role: membership.role })
			.from(membership)
			.innerJoin(user, eq(user.id, membership.userId))
			.where(eq(membership.workspaceId, workspaceId)),
		db
			.select({ facilitatorId: practiceSession.facilitatorId, endedAt: practiceSession.endedAt })
			.from(practiceSession)
			.where(and(eq(practiceSession.workspaceId, workspaceId), isNotNull(practiceSession.endedAt)))
	]);
	return suggestNextFacilitator(
		members,
		past.filter((p) => p.facilitatorId && p.endedAt).map((p) => ({ facilitatorId: p.facilitatorId!, endedAt: p.endedAt!.toISOString() }))
	);
}
