import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/index';
import { account, playbookProposal } from '../db/schema';
import { listMembers } from '../workspaces';
import { getCurrentRevision } from '../playbook/revisions';
import { getSession } from './sessions';
import { listFiredSignals } from './firedSignals';
import { labelEvents } from './eventLabels';
import { listSignals } from '../../domain/playbook/signalBlock';
import { projectStateFor, type SessionState, type SummaryContext } from '../../domain/session';

/**
 * Everything the summary page and its Markdown export show about one session, as `viewerId` may
 * see it (projected: an unrevealed spotting answer stays its author's), or null if not here.
 */
export async function loadSessionSummary(db: Database, workspaceId: string, sessionId: string, viewerId: string) {
	const session = await getSession(db, workspaceId, sessionId);
	if (!session) return null;
	const state: SessionState = projectStateFor(session.state, { userId: viewerId });
	const accountIds = [
		...new Set([
			...state.reviewedAccountIds,
			...state.spottingRounds.flatMap((round) => Object.values(round.assignments)),
			...state.tags.map((t) => t.accountId),
			...state.calibrations.flatMap((c) => c.leads.map((l) => l.accountId)),
			...state.actionItems.flatMap((a) => (a.accountId ? [a.accountId] : [])),
			...state.wins.flatMap((w) => (w.accountId ? [w.accountId] : []))
		])
	];
	const [members, revision, accounts, fired, proposals] = await Promise.all([
		listMembers(db, workspaceId),
		getCurrentRevision(db, workspaceId),
		accountIds.length
			? db.select({ id: account.id, name: account.name }).from(account).where(and(eq(account.workspaceId, workspaceId), inArray(account.id, accountIds)))
			: Promise.resolve([]),
		listFiredSignals(db, workspaceId, state.reviewedAccountIds, session.endedAt ?? new Date()),
		db
			.select({ number: playbookProposal.number, title: playbookProposal.title, status: playbookProposal.status })
			.from(playbookProposal)
			.where(and(eq(playbookProposal.workspaceId, workspaceId), eq(playbookProposal.sessionId, sessionId)))
	]);
	const spotted = state.spottingRounds.flatMap((round) =>
		Object.values(round.answers).flatMap((e) => (e.answer ? [e.answer.positive.activityId, e.answer.risk.activityId] : []))
	);
	const eventLabels = await labelEvents(db, workspaceId, [...fired.flatMap((s) => s.evidence), ...state.tags.map((t) => t.activityId), ...spotted]);
	const signalNames = Object.fromEntries(listSignals(revision.document).signals.map((s) => [s.id, s.name]));
	const context: SummaryContext = {
		title: session.title,
		objective: session.objective,
		participants: members.map((m) => ({ id: m.userId, name: m.name, department: m.department })),
		accounts,
		signalNames,
		firedSignals: fired,
		now: session.endedAt ?? new Date(),
		eventLabels
	};
	const { state: _, ...row } = session;
	return { session: row, state, context, proposals, eventLabels };
}
