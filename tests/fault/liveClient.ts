/**
 * A node stand-in for the browser's SessionConnection (src/lib/realtime/sessionConnection.svelte.ts)
 * for fault tests: the same never-lose-input rules over a real socket.io client. A command keeps
 * its id until the server acks it; it is only sent while connected and resent after every
 * (re)join, and (as the browser does) retried while connected when no ack came in time or the
 * server asked for a retry; a (re)join asks for the events after the last seq folded; events are folded by seq
 * with the domain reducer (repeats ignored), and a gap triggers a rejoin with afterSeq.
 */
import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { io as connect, type Socket } from 'socket.io-client';
import { MissingEventsError, reduceSession, type SessionState, type VisibleSessionEvent } from '../../src/lib/domain/session';
import type { ClientToServerEvents, CommandReply, JoinReply, ServerToClientEvents } from '../../src/lib/realtime/events';
import { SESSION_COOKIE } from '../../src/lib/server/auth/session';

const ACK_TIMEOUT_MS = 8000;
const RETRY_MS = 2000;
const RETRY_LATER = 'The server could not save that. It will be retried.';

export interface Acked {
	commandId: string;
	reply: CommandReply;
}

export class LiveClient {
	readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
	state: SessionState | null = null;
	readonly pending = new Map<string, { command: Record<string, unknown>; sent: boolean; resolve: (r: CommandReply) => void }>();
	/** Every command this client had answered, in answer order. */
	readonly acked: Acked[] = [];
	joins = 0;
	/** Seqs of events that first reached this client as a live broadcast (not a catch-up reply). */
	readonly broadcastSeqs = new Set<number>();
	resends = 0;
	#joining: Promise<void> | null = null;
	#rejoinAgain = false;
	/** Commands sent on the current connection and not answered yet. */
	#inFlight = new Set<string>();
	#closed = false;
	#listeners = new Set<() => void>();

	constructor(
		readonly url: string,
		readonly sessionId: string,
		token: string,
		options: { origin?: string } = {}
	) {
		this.socket = connect(url, {
			transports: ['websocket'],
			reconnection: true,
			reconnectionAttempts: Infinity,
			reconnectionDelay: 50,
			reconnectionDelayMax: 400,
			randomizationFactor: 0.5,
			extraHeaders: { origin: options.origin ?? url, cookie: `${SESSION_COOKIE}=${token}` }
		});
		this.socket.on('connect', () => {
			this.#inFlight.clear();
			void this.#join();
		});
		this.socket.on('session:events', (m) => m.sessionId === this.sessionId && this.#apply(m.events));
	}

	/** Resolves when `check` holds; re-checked on every change this client sees. Bounded by `timeoutMs`. */
	until(check: () => boolean, timeoutMs: number, what: string, signal?: AbortSignal): Promise<void> {
		if (check()) return Promise.resolve();
		return new Promise((resolve, reject) => {
			const done = () => {
				clearTimeout(timer);
				this.#listeners.delete(listener);
				signal?.removeEventListener('abort', done);
			};
			const timer = setTimeout(() => {
				done();
				reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} (lastSeq ${this.state?.lastSeq}, pending ${this.pending.size})`));
			}, timeoutMs);
			const listener = () => {
				if (!check()) return;
				done();
				resolve();
			};
			this.#listeners.add(listener);
			signal?.addEventListener('abort', done);
		});
	}

	#changed(): void {
		for (const l of [...this.#listeners]) l();
	}

	send(command: Record<string, unknown> & { type: string }): Promise<CommandReply> {
		const withId = { ...command, commandId: randomUUID() };
		return new Promise((resolve) => {
			this.pending.set(withId.commandId, { command: withId, sent: false, resolve });
			if (this.socket.connected && !this.#joining) void this.#emit(withId.commandId);
		});
	}

	close(): void {
		this.#closed = true;
		this.socket.close();
	}

	async #emit(commandId: string): Promise<void> {
		const pending = this.pending.get(commandId);
		if (!pending) return;
		if (pending.sent) this.resends++;
		pending.sent = true;
		this.#inFlight.add(commandId);
		try {
			const reply = (await this.socket
				.timeout(ACK_TIMEOUT_MS)
				.emitWithAck('session:command', { sessionId: this.sessionId, command: pending.command })) as CommandReply;
			if (!reply.ok && reply.error === RETRY_LATER) return this.#retryLater(commandId);
			if (!this.pending.delete(commandId)) return; // answered already (a resend crossed the first)
			this.acked.push({ commandId, reply });
			pending.resolve(reply);
			this.#changed();
		} catch {
			// No ack in time: stays pending; retried while connected, and resent after the next join.
			this.#retryLater(commandId);
		} finally {
			this.#inFlight.delete(commandId);
		}
	}

	#retryLater(commandId: string): void {
		setTimeout(() => {
			if (this.#closed || !this.socket.connected || this.#joining || this.#inFlight.has(commandId)) return;
			if (this.pending.has(commandId)) void this.#emit(commandId);
		}, RETRY_MS);
	}

	/** Joins (or rejoins) with the last seq folded, then resends everything unacked. Coalesced. */
	#join(): Promise<void> {
		if (this.#joining) {
			this.#rejoinAgain = true;
			return this.#joining;
		}
		this.#joining = (async () => {
			do {
				this.#rejoinAgain = false;
				if (this.#closed || !this.socket.connected) break;
				let reply: JoinReply;
				try {
					reply = (await this.socket
						.timeout(ACK_TIMEOUT_MS)
						.emitWithAck('session:join', { sessionId: this.sessionId, afterSeq: this.state?.lastSeq ?? null })) as JoinReply;
				} catch {
					break; // disconnected: the next 'connect' joins again
				}
				if (!reply.ok) throw new Error(`join refused: ${reply.error}`);
				this.joins++;
				if (reply.state) this.state = reply.state;
				if (reply.events) this.#fold(reply.events);
			} while (this.#rejoinAgain);
		})().finally(() => {
			this.#joining = null;
			if (this.socket.connected && !this.#closed) {
				for (const id of [...this.pending.keys()]) if (!this.#inFlight.has(id)) void this.#emit(id);
			}
			this.#changed();
		});
		return this.#joining;
	}

	/** Folds events in seq order; false when a gap was met. */
	#fold(events: VisibleSessionEvent[]): boolean {
		let state = this.state;
		if (!state) return true;
		try {
			for (const event of [...events].sort((a, b) => a.seq - b.seq)) state = reduceSession(state, event);
			return true;
		} catch (e) {
			if (!(e instanceof MissingEventsError)) throw e;
			return false;
		} finally {
			this.state = state;
		}
	}

	#apply(events: VisibleSessionEvent[]): void {
		const before = this.state?.lastSeq ?? Infinity;
		for (const e of events) if (e.seq > before) this.broadcastSeqs.add(e.seq);
		if (!this.#fold(events)) void this.#join();
		this.#changed();
	}
}

/** Resolves when `check` holds, re-checked whenever any of `clients` sees a change; bounded by `timeoutMs`. */
export function whenAny(clients: LiveClient[], check: () => boolean, timeoutMs: number, what: string): Promise<void> {
	const controller = new AbortController();
	setMaxListeners(clients.length + 10, controller.signal);
	return Promise.race(clients.map((c) => c.until(check, timeoutMs, what, controller.signal))).finally(() => controller.abort());
}

/** `promise`, or a rejection naming `what` after `timeoutMs`. */
export function within<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
	let timer: NodeJS.Timeout;
	const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms: ${what}`)), timeoutMs)));
	return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
