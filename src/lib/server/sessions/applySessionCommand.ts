import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/index';
import { queryRows } from '../db/rows';
import { account } from '../db/schema';
import { concludeSession } from './concludeSession';
import { checkReferences } from './checkReferences';
import { isSnapshotDue, listEvents, loadSessionState, rememberSessionState } from './sessionState';
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

const ZERO_UUID = '00000000-0000-0000-0000-000000000000';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NO_SESSION = 'This session does not exist in your workspace.';

export { listEvents };

export type CommandOutcome =
	| { ok: true; events: SessionEvent[]; duplicate: boolean }
	| { ok: false; refusal: string; field?: string };

/**
 * The write path of a live session, in one transaction: lock the session row and look the command
 * up in one statement (a command seen before is answered with what it produced), check references,
 * decide, then append the events and the command and move the row's last_seq in one statement. The
 * state itself is rewritten only now and then (sessionState.ts). The caller broadcasts `events`
 * after this returns (after commit).
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
	if (!UUID.test(sessionId) || !UUID.test(workspaceId)) return { ok: false, refusal: NO_SESSION };
	const command = parsed.command;
	// Commands for one session take turns in this process, so they do not queue on the row lock
	// holding pooled connections; the lock still orders them against other app processes.
	return inTurn(sessionId, async () => {
		const done: { committed?: { state: SessionState; snapshotSeq: number } } = {};
		const outcome = await db.transaction(async (tx) => {
			const [session] = await queryRows<{ lastSeq: number; seen: boolean; firstSeq: number | null; seenLastSeq: number | null; refusal: string | null }>(
				tx,
				sql`select ps.last_seq as "lastSeq", sc.command_id is not null as "seen", sc.first_seq as "firstSeq", sc.last_seq as "seenLastSeq", sc.refusal
					from practice_session ps
					left join session_command sc on sc.session_id = ps.id and sc.command_id = ${command.commandId}::uuid
					where ps.workspace_id = ${workspaceId}::uuid and ps.id = ${sessionId}::uuid
					for update of ps`
			);
			if (!session) return { ok: false as const, refusal: NO_SESSION };
			if (session.seen) {
				if (session.refusal) return { ok: false as const, refusal: session.refusal };
				const events = session.firstSeq === null ? [] : await listEvents(tx, sessionId, session.firstSeq - 1, session.seenLastSeq!);
				return { ok: true as const, events, duplicate: true };
			}

			const { state, snapshotSeq } = (await loadSessionState(tx, sessionId, session.lastSeq))!;
			const refusal = (await checkReferences(tx, workspaceId, listCommandReferences(state, command, actor.userId))) ?? undefined;
			const decision = refusal ? { ok: false as const, refusal } : decideEvents(state, command, actor, now);
			if (!decision.ok) {
				await tx.execute(sql`insert into session_command (session_id, command_id, refusal) values (${sessionId}::uuid, ${command.commandId}::uuid, ${decision.refusal}::text)`);
				return { ok: false as const, refusal: decision.refusal };
			}
			const events = sequenceEvents(decision.events, session.lastSeq);
			const next = applyEvents(state, events);
			if (events.some((e) => e.type === 'session.ended')) {
				const names = await tx.select({ id: account.id, name: account.name }).from(account).where(and(eq(account.workspaceId, workspaceId), inArray(account.id, next.reviewedAccountIds.length ? next.reviewedAccountIds : [ZERO_UUID])));
				await concludeSession(tx, workspaceId, sessionId, next, { title: next.plan.title, endedBy: actor.userId, accountNames: new Map(names.map((n) => [n.id, n.name])) });
			}
			const snapshot = isSnapshotDue(snapshotSeq, next, events);
			await tx.execute(appendStatement(sessionId, command.commandId, actor.userId, events, next, snapshot));
			done.committed = { state: next, snapshotSeq: snapshot ? next.lastSeq : snapshotSeq };
			return { ok: true as const, events, duplicate: false };
		});
		if (done.committed) rememberSessionState(sessionId, done.committed.state, done.committed.snapshotSeq);
		return outcome;
	});
}

/** One statement: the events, the command (with the seqs it produced), and the row's new last_seq (and snapshot, when due). */
function appendStatement(sessionId: string, commandId: string, actorId: string, events: SessionEvent[], next: SessionState, snapshot: boolean) {
	const rows = JSON.stringify(events.map((e) => ({ seq: e.seq, type: e.type, at: e.at, event: e })));
	return sql`with appended as (
			insert into session_event (session_id, seq, command_id, actor_id, type, event, at)
			select ${sessionId}::uuid, e.seq, ${commandId}::uuid, ${actorId}::uuid, e.type, e.event, e.at
			from jsonb_to_recordset(${rows}::jsonb) as e(seq integer, type text, event jsonb, at timestamptz)
		), answered as (
			insert into session_command (session_id, command_id, first_seq, last_seq)
			values (${sessionId}::uuid, ${commandId}::uuid, ${events[0]?.seq ?? null}::integer, ${events.at(-1)?.seq ?? null}::integer)
		)
		update practice_session set
			last_seq = ${next.lastSeq}::integer,
			status = ${next.status}::session_status,
			facilitator_id = ${next.facilitatorId}::uuid,
			started_at = ${next.startedAt}::timestamptz,
			ended_at = ${next.endedAt}::timestamptz
			${snapshot ? sql`, state = ${JSON.stringify(next)}::jsonb` : sql``}
		where id = ${sessionId}::uuid`;
}

/** Runs `work` after the work queued before it for the same session (in this process). */
const turns = new Map<string, Promise<unknown>>();
function inTurn<T>(sessionId: string, work: () => Promise<T>): Promise<T> {
	const before = turns.get(sessionId) ?? Promise.resolve();
	const mine = before.then(work, work);
	const settled = mine.catch(() => {});
	turns.set(sessionId, settled);
	void settled.then(() => turns.get(sessionId) === settled && turns.delete(sessionId));
	return mine;
}
