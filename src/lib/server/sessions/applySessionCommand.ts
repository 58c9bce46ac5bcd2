import { and, asc, eq, gt, inArray, lte } from 'drizzle-orm';
import type { Database } from '../db/index';
import { account, practiceSession, sessionCommand, sessionEvent } from '../db/schema';
import { concludeSession } from './concludeSession';

const ZERO_UUID = '00000000-0000-0000-0000-000000000000';
import { checkReferences } from './checkReferences';
import {
	applyEvents,
	decideEvents,
	listCommandReferences,
	parseCommand,
	sequenceEvents,
	type SessionActor,
	type SessionEvent,
	type SessionState
} from '../../domain/session';

export type CommandOutcome =
	| { ok: true; events: SessionEvent[]; duplicate: boolean }
	| { ok: false; refusal: string; field?: string };

/**
 * The write path of a live session: parse, lock the session, drop a command seen before (answering
 * with what it produced), check references, decide, then append the events, the command and the
 * new state in one transaction. The caller broadcasts `events` after this returns (after commit).
 */
export async function applySessionCommand(
	db: Database,
	workspaceId: string,
	sessionId: string,
	actor: SessionActor,
	input: unknown,
	now = new Date()
): Promise<CommandOutcome> {
	const parsed = parseCommand(input);
	if (!parsed.ok) return { ok: false, refusal: parsed.message, field: parsed.field };
	const command = parsed.command;
	let committed: SessionState | null = null;
	const outcome = await db.transaction(async (tx) => {
		const [session] = await tx
			.select({ lastSeq: practiceSession.lastSeq })
			.from(practiceSession)
			.where(and(eq(practiceSession.workspaceId, workspaceId), eq(practiceSession.id, sessionId)))
			.for('update');
		if (!session) return { ok: false as const, refusal: 'This session does not exist in your workspace.' };

		const [seen] = await tx
			.select()
			.from(sessionCommand)
			.where(and(eq(sessionCommand.sessionId, sessionId), eq(sessionCommand.commandId, command.commandId)));
		if (seen) {
			if (seen.refusal) return { ok: false as const, refusal: seen.refusal };
			const events = seen.firstSeq === null ? [] : await listEvents(tx, sessionId, seen.firstSeq - 1, seen.lastSeq!);
			return { ok: true as const, events, duplicate: true };
		}

		const state = await loadState(tx, sessionId, session.lastSeq);
		const refusal =
			(await checkReferences(tx, workspaceId, listCommandReferences(state, command, actor.userId))) ?? undefined;
		const decision = refusal ? { ok: false as const, refusal } : decideEvents(state, command, actor, now);
		if (!decision.ok) {
			await tx.insert(sessionCommand).values({ sessionId, commandId: command.commandId, refusal: decision.refusal });
			return { ok: false as const, refusal: decision.refusal };
		}
		const events = sequenceEvents(decision.events, session.lastSeq);
		const next = applyEvents(state, events);
		if (events.length) {
			await tx.insert(sessionEvent).values(
				events.map((e) => ({ sessionId, seq: e.seq, commandId: command.commandId, actorId: actor.userId, type: e.type, event: e as unknown as Record<string, unknown>, at: new Date(e.at) }))
			);
		}
		await tx.insert(sessionCommand).values({ sessionId, commandId: command.commandId, firstSeq: events[0]?.seq ?? null, lastSeq: events.at(-1)?.seq ?? null });
		if (events.some((e) => e.type === 'session.ended')) {
			const names = await tx.select({ id: account.id, name: account.name }).from(account).where(and(eq(account.workspaceId, workspaceId), inArray(account.id, next.reviewedAccountIds.length ? next.reviewedAccountIds : [ZERO_UUID])));
			await concludeSession(tx, workspaceId, sessionId, next, { title: next.plan.title, endedBy: actor.userId, accountNames: new Map(names.map((n) => [n.id, n.name])) });
		}
		await tx
			.update(practiceSession)
			.set({
				state: next as unknown as Record<string, unknown>,
				lastSeq: next.lastSeq,
				status: next.status,
				facilitatorId: next.facilitatorId,
				startedAt: next.startedAt ? new Date(next.startedAt) : null,
				endedAt: next.endedAt ? new Date(next.endedAt) : null
			})
			.where(eq(practiceSession.id, sessionId));
		committed = next;
		return { ok: true as const, events, duplicate: false };
	});
	if (committed) rememberState(sessionId, committed);
	return outcome;
}

/**
 * The state after the last committed command of each session this process served, so a command
 * does not re-read (and re-parse) the whole state. Valid only while its lastSeq matches the row's:
 * another app process appending to the session makes it stale, and it is read again.
 */
const recentStates = new Map<string, SessionState>();
const RECENT_STATES_MAX = 200;

function rememberState(sessionId: string, state: SessionState): void {
	recentStates.delete(sessionId);
	recentStates.set(sessionId, state);
	if (recentStates.size > RECENT_STATES_MAX) recentStates.delete(recentStates.keys().next().value!);
}

async function loadState(db: Database, sessionId: string, lastSeq: number): Promise<SessionState> {
	const cached = recentStates.get(sessionId);
	if (cached && cached.lastSeq === lastSeq) return cached;
	const [row] = await db.select({ state: practiceSession.state }).from(practiceSession).where(eq(practiceSession.id, sessionId));
	return row.state as unknown as SessionState;
}

/** Events after `afterSeq` (up to `untilSeq`), in order: what a reconnecting client missed. */
export async function listEvents(db: Database, sessionId: string, afterSeq: number, untilSeq?: number): Promise<SessionEvent[]> {
	const rows = await db
		.select({ event: sessionEvent.event })
		.from(sessionEvent)
		.where(and(eq(sessionEvent.sessionId, sessionId), gt(sessionEvent.seq, afterSeq), untilSeq === undefined ? undefined : lte(sessionEvent.seq, untilSeq)))
		.orderBy(asc(sessionEvent.seq));
	return rows.map((r) => r.event as unknown as SessionEvent);
}
