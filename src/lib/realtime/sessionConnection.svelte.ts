/**
 * The browser's side of a live session: one socket, the session state folded from events with
 * the same reducer as the server, and commands that are never lost. A command keeps its id until
 * the server acks it; on reconnect the client fetches what it missed, then resends what is
 * unacked (the server drops duplicates by id).
 */
import { io, type Socket } from 'socket.io-client';
import {
	estimateClockOffset,
	MissingEventsError,
	reduceSession,
	type ClockSample,
	type SessionState,
	type VisibleSessionEvent
} from '$lib/domain/session';
import type { ClientToServerEvents, CommandReply, JoinReply, PresentPerson, ServerToClientEvents } from './events';

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

interface Pending {
	command: Record<string, unknown> & { commandId: string; type: string };
	resolve: (reply: CommandReply) => void;
}

const ACK_TIMEOUT_MS = 8000;
const RETRY_MS = 2000;

export class SessionConnection {
	state = $state.raw<SessionState | null>(null);
	status = $state<ConnectionStatus>('connecting');
	people = $state.raw<PresentPerson[]>([]);
	pendingCount = $state(0);
	lastError = $state<string | null>(null);
	/** Add to Date.now() to get server time. */
	clockOffsetMs = $state(0);

	#socket: Socket<ServerToClientEvents, ClientToServerEvents>;
	#pending = new Map<string, Pending>();
	#attendAs: string | null;
	#attending = false;

	/**
	 * `attendAs`: the user's id when they take part (not a viewer): once the session is live and they
	 * are here, the connection says so once (participant.join), so the summary counts who came.
	 */
	constructor(
		readonly sessionId: string,
		options: { attendAs?: string | null } = {}
	) {
		this.#attendAs = options.attendAs ?? null;
		this.#socket = io({ transports: ['websocket', 'polling'], reconnectionDelayMax: 4000 });
		this.#socket.on('connect', () => void this.#onConnect());
		this.#socket.on('disconnect', () => (this.status = navigator.onLine === false ? 'offline' : 'reconnecting'));
		this.#socket.on('connect_error', (e) => {
			this.status = 'reconnecting';
			this.lastError = e.message;
		});
		this.#socket.on('session:events', (m) => m.sessionId === this.sessionId && this.#apply(m.events));
		this.#socket.on('session:presence', (m) => m.sessionId === this.sessionId && (this.people = m.people));
		// A broadcast lost on the server's side: the heartbeat names a seq we do not have yet.
		this.#socket.on('session:heartbeat', (m) => {
			if (m.sessionId === this.sessionId && this.state && m.lastSeq > this.state.lastSeq) void this.#onConnect();
		});
	}

	/** Server time now, as well as this browser can tell. */
	serverNow(): number {
		return Date.now() + this.clockOffsetMs;
	}

	/** Sends a command (its id made here); resolves with the server's answer, however many reconnects it takes. */
	send(command: Record<string, unknown> & { type: string }): Promise<CommandReply> {
		const withId = { ...command, commandId: crypto.randomUUID() };
		return new Promise((resolve) => {
			this.#pending.set(withId.commandId, { command: withId, resolve });
			this.pendingCount = this.#pending.size;
			if (this.#socket.connected) void this.#emit(withId.commandId);
		});
	}

	close(): void {
		this.#socket.close();
	}

	async #emit(commandId: string): Promise<void> {
		const pending = this.#pending.get(commandId);
		if (!pending) return;
		try {
			const reply = (await this.#socket
				.timeout(ACK_TIMEOUT_MS)
				.emitWithAck('session:command', { sessionId: this.sessionId, command: pending.command })) as CommandReply;
			if (!reply.ok && reply.error === 'The server could not save that. It will be retried.') return this.#retryLater(commandId);
			this.#pending.delete(commandId);
			this.pendingCount = this.#pending.size;
			if (!reply.ok) this.lastError = reply.error;
			pending.resolve(reply);
		} catch {
			// No ack in time: keep it pending and try again (the server drops it if it did land).
			this.#retryLater(commandId);
		}
	}

	#retryLater(commandId: string): void {
		setTimeout(() => {
			if (this.#socket.connected && this.#pending.has(commandId)) void this.#emit(commandId);
		}, RETRY_MS);
	}

	async #onConnect(): Promise<void> {
		const reply = (await this.#socket.emitWithAck('session:join', {
			sessionId: this.sessionId,
			afterSeq: this.state?.lastSeq ?? null
		})) as JoinReply;
		if (!reply.ok) {
			this.status = 'offline';
			this.lastError = reply.error;
			return;
		}
		if (reply.state) this.state = reply.state;
		if (reply.events) this.#apply(reply.events);
		this.#attend();
		this.status = 'connected';
		this.lastError = null;
		for (const id of [...this.#pending.keys()]) void this.#emit(id);
		void this.#syncClock();
	}

	#apply(events: VisibleSessionEvent[]): void {
		let state = this.state;
		if (!state) return;
		try {
			for (const event of events) state = reduceSession(state, event);
			this.state = state;
			this.#attend();
		} catch (e) {
			if (!(e instanceof MissingEventsError)) throw e;
			this.state = state;
			// A gap: ask for everything after what we have, then carry on.
			void this.#onConnect();
		}
	}

	#attend(): void {
		const state = this.state;
		if (!this.#attendAs || this.#attending || state?.status !== 'live' || state.attendeeIds.includes(this.#attendAs)) return;
		this.#attending = true;
		void this.send({ type: 'participant.join' }).then((reply) => {
			if (!reply.ok) this.lastError = null;
		});
	}

	async #syncClock(): Promise<void> {
		const samples: ClockSample[] = [];
		for (let i = 0; i < 5 && this.#socket.connected; i++) {
			const clientSentMs = Date.now();
			const serverMs = await this.#socket.emitWithAck('time:ping');
			samples.push({ clientSentMs, serverMs, clientReceivedMs: Date.now() });
		}
		const estimate = estimateClockOffset(samples);
		if (estimate) this.clockOffsetMs = estimate.offsetMs;
	}
}
