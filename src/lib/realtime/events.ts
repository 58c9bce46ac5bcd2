/** The socket.io event maps, imported by the server and the browser so both speak the same protocol. */
import type { Department } from '../domain/crm/vocabulary';
import type { SessionState, VisibleSessionEvent } from '../domain/session';

export interface PresentPerson {
	userId: string;
	name: string;
	department: Department;
}

export type JoinReply =
	| { ok: true; serverMs: number; lastSeq: number; state?: SessionState; events?: VisibleSessionEvent[] }
	| { ok: false; error: string };

export type CommandReply = { ok: true; seqs: number[]; duplicate: boolean } | { ok: false; error: string; field?: string };

export interface ClientToServerEvents {
	/** Join a session's room. With `afterSeq` the reply carries the events missed; without, a snapshot. */
	'session:join': (request: { sessionId: string; afterSeq?: number | null }, reply: (r: JoinReply) => void) => void;
	'session:leave': (request: { sessionId: string }) => void;
	'session:command': (request: { sessionId: string; command: unknown }, reply: (r: CommandReply) => void) => void;
	/** Clock sync: the server answers with its time. */
	'time:ping': (reply: (serverMs: number) => void) => void;
}

export interface ServerToClientEvents {
	'session:events': (message: { sessionId: string; events: VisibleSessionEvent[] }) => void;
	'session:presence': (message: { sessionId: string; people: PresentPerson[] }) => void;
	/** Every few seconds: the session's events up to `lastSeq` were sent; a client behind it missed some and catches up. */
	'session:heartbeat': (message: { sessionId: string; lastSeq: number }) => void;
}
