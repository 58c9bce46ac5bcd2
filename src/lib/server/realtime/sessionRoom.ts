import { and, eq } from 'drizzle-orm';
import type { Server, Socket } from 'socket.io';
import type { Database } from '../db/index';
import { membership, practiceSession } from '../db/schema';
import { applySessionCommand } from '../sessions/applySessionCommand';
import { listEvents, loadSessionState } from '../sessions/sessionState';
import { projectEventFor, projectStateFor, type SessionActor, type SessionEvent } from '../../domain/session';
import type { ClientToServerEvents, JoinReply, PresentPerson, ServerToClientEvents } from '../../realtime/events';
import type { SocketData } from './attachRealtime';
import { clusteredServers } from './postgresAdapter';
import { ROOM_PREFIX } from './sessionHeartbeat';

/** Between app nodes: events appended on one node, for the others to deliver to their own sockets. */
export interface InterServerEvents {
	'session:publish': (message: { sessionId: string; events: SessionEvent[] }) => void;
}

type IO = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
type S = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

const room = (sessionId: string) => ROOM_PREFIX + sessionId;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The socket's user as an actor of this session: a member of the session's workspace, else null. */
async function findActor(db: Database, sessionId: string, userId: string) {
	if (!UUID.test(sessionId)) return null;
	const [row] = await db
		.select({ workspaceId: practiceSession.workspaceId, role: membership.role, department: membership.department })
		.from(practiceSession)
		.innerJoin(membership, and(eq(membership.workspaceId, practiceSession.workspaceId), eq(membership.userId, userId)))
		.where(eq(practiceSession.id, sessionId));
	return row ?? null;
}

/**
 * Sends each socket in the room the events as that socket's user may see them (sealed inputs stay
 * sealed): this node's sockets here, other nodes' sockets by those nodes (one message each).
 * Events committed together (a group commit answers many commands in one tick) go out as one
 * message: each socket gets one write per batch instead of one per command, which is what a busy
 * session's fan-out costs. A batch leaves once the current tick's callbacks have run, in seq order.
 */
export function publishEvents(io: IO, sessionId: string, events: SessionEvent[]): Promise<void> {
	if (events.length === 0) return Promise.resolve();
	const batches = outgoing.get(io) ?? outgoing.set(io, new Map()).get(io)!;
	const batch = batches.get(sessionId);
	if (batch) {
		batch.events.push(...events);
		return batch.sent;
	}
	const next = { events: [...events], sent: Promise.resolve() };
	batches.set(sessionId, next);
	next.sent = new Promise((resolve) =>
		setImmediate(() => {
			batches.delete(sessionId);
			const ordered = next.events.sort((a, b) => a.seq - b.seq);
			deliverLocally(io, sessionId, ordered);
			if (clusteredServers.has(io)) io.serverSideEmit('session:publish', { sessionId, events: ordered });
			resolve();
		})
	);
	return next.sent;
}

const outgoing = new WeakMap<IO, Map<string, { events: SessionEvent[]; sent: Promise<void> }>>();

/** No one sees these events differently: even a viewer who is nobody gets each one as it is. */
const isPublic = (events: SessionEvent[]) => events.every((e) => projectEventFor(e, { userId: '' }) === e);

/**
 * Projects the events for each of this node's sockets in the room. Public events (the usual case)
 * go to the whole room as one broadcast, encoded once. Otherwise sockets for which nothing is
 * hidden share one broadcast and the others get their own projection.
 */
function deliverLocally(io: IO, sessionId: string, events: SessionEvent[]): void {
	if (isPublic(events)) {
		io.local.to(room(sessionId)).emit('session:events', { sessionId, events });
		return;
	}
	const unchanged: string[] = [];
	for (const socketId of io.of('/').adapter.rooms.get(room(sessionId)) ?? []) {
		const socket = io.of('/').sockets.get(socketId);
		if (!socket?.data.user) continue;
		const viewer = { userId: socket.data.user.id };
		const projected = events.map((e) => projectEventFor(e, viewer));
		if (projected.every((e, i) => e === events[i])) unchanged.push(socketId);
		else socket.emit('session:events', { sessionId, events: projected });
	}
	if (unchanged.length) io.local.to(unchanged).emit('session:events', { sessionId, events });
}

/**
 * Tells the room who is here. Never throws: with several nodes, listing the room asks every node,
 * and a node that just died cannot answer (the adapter gives up after a timeout) — then this node's
 * own sockets are listed, and the next join or leave corrects the picture.
 */
async function publishPresence(io: IO, sessionId: string): Promise<void> {
	// Coalesced per session: when 200 people join at once (a session's start, everyone coming back
	// after a restart) the room gets a few presence lists, not 200 lists of up to 200 people each.
	const runs = presenceRuns.get(io) ?? presenceRuns.set(io, new Map()).get(io)!;
	const running = runs.get(sessionId);
	if (running) {
		running.again = true;
		return running.done;
	}
	const run = { again: false, done: Promise.resolve() };
	runs.set(sessionId, run);
	run.done = (async () => {
		try {
			do {
				run.again = false;
				await sendPresence(io, sessionId);
			} while (run.again);
		} finally {
			runs.delete(sessionId);
		}
	})();
	return run.done;
}

const presenceRuns = new WeakMap<IO, Map<string, { again: boolean; done: Promise<void> }>>();

async function sendPresence(io: IO, sessionId: string): Promise<void> {
	try {
		let sockets;
		try {
			sockets = await io.in(room(sessionId)).timeout(PRESENCE_TIMEOUT_MS).fetchSockets();
		} catch {
			sockets = await io.local.in(room(sessionId)).fetchSockets();
		}
		const people = new Map<string, PresentPerson>();
		for (const socket of sockets) {
			const joined = socket.data.sessions?.[sessionId];
			if (joined) people.set(socket.data.user.id, { userId: socket.data.user.id, name: socket.data.user.name, department: joined.department });
		}
		io.to(room(sessionId)).emit('session:presence', { sessionId, people: [...people.values()].sort((a, b) => a.name.localeCompare(b.name)) });
	} catch (e) {
		console.error('session presence failed', e);
	}
}

const PRESENCE_TIMEOUT_MS = 2000;

const listening = new WeakSet<IO>();

/** Live-session protocol on one socket: join (with catch-up), commands (acked, then broadcast), presence, clock sync. */
export function handleSessionSocket(io: IO, socket: S, database: () => Promise<Database>): void {
	if (!listening.has(io)) {
		listening.add(io);
		io.on('session:publish', (message) => deliverLocally(io, message.sessionId, message.events));
	}
	socket.data.sessions ??= {};
	socket.on('time:ping', (reply) => typeof reply === 'function' && reply(Date.now()));

	socket.on('session:join', async (request, reply) => {
		if (typeof reply !== 'function') return;
		const sessionId = String(request?.sessionId ?? '');
		try {
			await join(sessionId, request, reply);
		} catch (e) {
			// An async handler that throws would take the whole process down (unhandled rejection).
			// Drop the transport instead: the client reconnects on its own and joins again.
			console.error('session join failed', e);
			socket.conn.close();
		}
	});

	async function join(sessionId: string, request: Parameters<ClientToServerEvents['session:join']>[0], reply: (r: JoinReply) => void) {
		const db = await database();
		const actor = await findActor(db, sessionId, socket.data.user.id);
		if (!actor) return reply({ ok: false, error: 'This session does not exist, or it belongs to a workspace you are not a member of.' });
		socket.data.sessions[sessionId] = { workspaceId: actor.workspaceId, role: actor.role, department: actor.department };
		await socket.join(room(sessionId));
		const viewer = { userId: socket.data.user.id };
		const afterSeq = request?.afterSeq;
		const [row] = await db.select({ lastSeq: practiceSession.lastSeq }).from(practiceSession).where(eq(practiceSession.id, sessionId));
		if (typeof afterSeq === 'number' && Number.isInteger(afterSeq) && afterSeq >= 0 && afterSeq <= row.lastSeq) {
			const events = await listEvents(db, sessionId, afterSeq, row.lastSeq);
			reply({ ok: true, serverMs: Date.now(), lastSeq: row.lastSeq, events: events.map((e) => projectEventFor(e, viewer)) });
		} else {
			const { state } = (await loadSessionState(db, sessionId, row.lastSeq))!;
			reply({ ok: true, serverMs: Date.now(), lastSeq: state.lastSeq, state: projectStateFor(state, viewer) });
		}
		await publishPresence(io, sessionId);
	}

	socket.on('session:leave', async (request) => {
		const sessionId = String(request?.sessionId ?? '');
		delete socket.data.sessions[sessionId];
		await socket.leave(room(sessionId));
		await publishPresence(io, sessionId);
	});

	socket.on('session:command', async (request, reply) => {
		if (typeof reply !== 'function') return;
		const sessionId = String(request?.sessionId ?? '');
		const joined = socket.data.sessions[sessionId];
		if (!joined) return reply({ ok: false, error: 'Join the session before sending to it.' });
		const actor: SessionActor = { userId: socket.data.user.id, role: joined.role, department: joined.department };
		try {
			const outcome = await applySessionCommand(await database(), joined.workspaceId, sessionId, actor, request.command);
			if (!outcome.ok) return reply({ ok: false, error: outcome.refusal, field: outcome.field });
			reply({ ok: true, seqs: outcome.events.map((e) => e.seq), duplicate: outcome.duplicate });
			if (!outcome.duplicate) await publishEvents(io, sessionId, outcome.events);
		} catch (e) {
			console.error('session command failed', e);
			reply({ ok: false, error: 'The server could not save that. It will be retried.' });
		}
	});

	socket.on('disconnect', () => {
		for (const sessionId of Object.keys(socket.data.sessions)) void publishPresence(io, sessionId);
	});
}
