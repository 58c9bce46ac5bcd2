import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/index';
import { preparedRunner } from '../db/prepared';
import { queryRows } from '../db/rows';
import { account } from '../db/schema';
import { concludeSession } from './concludeSession';
import { checkReferences, mergeReferences, readReferenceFacts, referenceColumns, type ReferenceRow } from './checkReferences';
import { isSnapshotDue, knownSessionState, listEvents, loadSessionState, rememberSessionState } from './sessionState';
import {
	applyEvents,
	decideEvents,
	listCommandReferences,
	parseCommand,
	sequenceEvents,
	type SessionActor,
	type SessionCommand,
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
 * The write path of a live session. Each command is parsed here, then queued for its session:
 * a command that finds its session idle is applied at once; commands that arrive while a
 * transaction for the session is in flight are applied together in the next one (group commit), so
 * a busy session pays one commit, one row lock and one append statement for many commands instead
 * of one each. Every command still gets its own outcome, decided in arrival order on the state the
 * ones before it left. If a group fails as a whole (an unexpected error), its commands are retried
 * one by one, so one bad command cannot sink the others. The caller broadcasts `events` after this
 * returns (after commit).
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
	return new Promise((resolve, reject) => {
		const key = `${workspaceId}/${sessionId}`;
		let queue = queues.get(key);
		if (!queue) queues.set(key, (queue = { waiting: [], running: false }));
		queue.waiting.push({ actor, command: parsed.command, now, resolve, reject });
		if (!queue.running) void drainQueue(db, workspaceId, sessionId, key, queue);
	});
}

interface Pending {
	actor: SessionActor;
	command: SessionCommand;
	now: Date;
	resolve: (outcome: CommandOutcome) => void;
	reject: (error: unknown) => void;
}

/** Commands waiting per session in this process; the row lock orders them against other processes. */
const queues = new Map<string, { waiting: Pending[]; running: boolean }>();
const MAX_GROUP = 100;

async function drainQueue(db: Database, workspaceId: string, sessionId: string, key: string, queue: { waiting: Pending[]; running: boolean }) {
	queue.running = true;
	while (queue.waiting.length > 0) {
		const group = queue.waiting.splice(0, MAX_GROUP);
		try {
			const outcomes = await applyGroup(db, workspaceId, sessionId, group);
			group.forEach((p, i) => p.resolve(outcomes[i]));
		} catch (error) {
			if (group.length === 1) group[0].reject(error);
			else {
				for (const p of group) {
					await applyGroup(db, workspaceId, sessionId, [p]).then(([outcome]) => p.resolve(outcome), p.reject);
				}
			}
		}
	}
	queue.running = false;
	queues.delete(key);
}

interface SeenCommand {
	id: string;
	firstSeq: number | null;
	lastSeq: number | null;
	refusal: string | null;
}

/**
 * One transaction: lock the session row and look the commands up in one statement (a command seen
 * before is answered with what it produced), then per command check references and decide, then
 * append every event and command and move the row's last_seq in one statement. The state itself is
 * rewritten only now and then (sessionState.ts).
 */
async function applyGroup(db: Database, workspaceId: string, sessionId: string, group: Pending[]): Promise<CommandOutcome[]> {
	const done: { committed?: { state: SessionState; snapshotSeq: number } } = {};
	const outcomes = await db.transaction(async (tx) => {
		const run = preparedRunner(db, tx);
		const ids = `{${group.map((p) => p.command.commandId).join(',')}}`;
		// Whatever the commands name, looked up against the state the group starts from; a command
		// whose references the commands before it changed is looked up on its own (checkReferences).
		// (The state this process last knew, if any: a stale one only means more of those.)
		const known = knownSessionState(sessionId);
		const refs = mergeReferences(group.map((p) => listCommandReferences(known, p.command, p.actor.userId)));
		const [session] = await queryRows<{ lastSeq: number; seen: SeenCommand[] | string | null } & ReferenceRow>(
			run,
			sql`select ps.last_seq as "lastSeq",
					(select json_agg(json_build_object('id', sc.command_id, 'firstSeq', sc.first_seq, 'lastSeq', sc.last_seq, 'refusal', sc.refusal))
					 from session_command sc where sc.session_id = ps.id and sc.command_id = any(${ids}::uuid[])) as seen,
					${referenceColumns(sql`ps.workspace_id`, refs)}
				from practice_session ps
				where ps.workspace_id = ${workspaceId}::uuid and ps.id = ${sessionId}::uuid
				for update of ps`
		);
		if (!session) return group.map(() => ({ ok: false as const, refusal: NO_SESSION }));
		const facts = readReferenceFacts(refs, session);
		const seenRows: SeenCommand[] = typeof session.seen === 'string' ? JSON.parse(session.seen) : (session.seen ?? []);
		const seen = new Map(seenRows.map((c) => [c.id, c]));
		const loaded = (await loadSessionState(tx, sessionId, session.lastSeq))!;
		let state = loaded.state;
		const appended: SessionEvent[] = [];
		const answered: { commandId: string; actorId: string; events: SessionEvent[]; refusal: string | null }[] = [];
		const inGroup = new Map<string, CommandOutcome>();
		const results: CommandOutcome[] = [];
		for (const { actor, command, now } of group) {
			const before = seen.get(command.commandId);
			const earlier = inGroup.get(command.commandId);
			if (earlier) {
				results.push(earlier.ok ? { ...earlier, duplicate: true } : earlier);
				continue;
			}
			if (before) {
				if (before.refusal) results.push({ ok: false, refusal: before.refusal });
				else {
					const events = before.firstSeq === null ? [] : await listEvents(tx, sessionId, before.firstSeq - 1, before.lastSeq!);
					results.push({ ok: true, events, duplicate: true });
				}
				continue;
			}
			const refusal = (await checkReferences(tx, workspaceId, listCommandReferences(state, command, actor.userId), facts)) ?? undefined;
			const decision = refusal ? { ok: false as const, refusal } : decideEvents(state, command, actor, now);
			let outcome: CommandOutcome;
			if (!decision.ok) {
				answered.push({ commandId: command.commandId, actorId: actor.userId, events: [], refusal: decision.refusal });
				outcome = { ok: false, refusal: decision.refusal };
			} else {
				const events = sequenceEvents(decision.events, state.lastSeq);
				const next = applyEvents(state, events);
				if (events.some((e) => e.type === 'session.ended')) {
					const names = await tx.select({ id: account.id, name: account.name }).from(account).where(and(eq(account.workspaceId, workspaceId), inArray(account.id, next.reviewedAccountIds.length ? next.reviewedAccountIds : [ZERO_UUID])));
					await concludeSession(tx, workspaceId, sessionId, next, { title: next.plan.title, endedBy: actor.userId, accountNames: new Map(names.map((n) => [n.id, n.name])) });
				}
				state = next;
				appended.push(...events);
				answered.push({ commandId: command.commandId, actorId: actor.userId, events, refusal: null });
				outcome = { ok: true, events, duplicate: false };
			}
			inGroup.set(command.commandId, outcome);
			results.push(outcome);
		}
		if (answered.length > 0) {
			const snapshot = isSnapshotDue(loaded.snapshotSeq, state, appended);
			await run.execute(appendStatement(sessionId, answered, state, snapshot));
			done.committed = { state, snapshotSeq: snapshot ? state.lastSeq : loaded.snapshotSeq };
		}
		return results;
	});
	if (done.committed) rememberSessionState(sessionId, done.committed.state, done.committed.snapshotSeq);
	return outcomes;
}

/** One statement: the events, the commands (with the seqs they produced or their refusal), and the row's new last_seq (and snapshot, when due). */
function appendStatement(
	sessionId: string,
	answered: { commandId: string; actorId: string; events: SessionEvent[]; refusal: string | null }[],
	next: SessionState,
	snapshot: boolean
) {
	const events = JSON.stringify(
		answered.flatMap((a) => a.events.map((e) => ({ seq: e.seq, command_id: a.commandId, actor_id: a.actorId, type: e.type, at: e.at, event: e })))
	);
	const commands = JSON.stringify(
		answered.map((a) => ({ command_id: a.commandId, first_seq: a.events[0]?.seq ?? null, last_seq: a.events.at(-1)?.seq ?? null, refusal: a.refusal }))
	);
	return sql`with appended as (
			insert into session_event (session_id, seq, command_id, actor_id, type, event, at)
			select ${sessionId}::uuid, e.seq, e.command_id, e.actor_id, e.type, e.event, e.at
			from json_to_recordset(${events}::json) as e(seq integer, command_id uuid, actor_id uuid, type text, event jsonb, at timestamptz)
		), answered as (
			insert into session_command (session_id, command_id, first_seq, last_seq, refusal)
			select ${sessionId}::uuid, c.command_id, c.first_seq, c.last_seq, c.refusal
			from json_to_recordset(${commands}::json) as c(command_id uuid, first_seq integer, last_seq integer, refusal text)
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
