/**
 * Real socket.io on a real HTTP server for DB tests of live sessions, and clients that record
 * every raw frame they receive, to prove what never reached them.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { io as connect, type Socket } from 'socket.io-client';
import type { Database } from '../src/lib/server/db/index';
import { SESSION_COOKIE } from '../src/lib/server/auth/session';
import { attachRealtime } from '../src/lib/server/realtime/attachRealtime';
import type { VisibleSessionEvent } from '../src/lib/domain/session';
import type { ClientToServerEvents, JoinReply, ServerToClientEvents } from '../src/lib/realtime/events';

export type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

/** socket.io attached to a fresh server on a free port; `close` ends the clients and the server. */
export async function startRealtimeServer(database: () => Promise<Database>) {
	const server = http.createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const io = attachRealtime(server, { database, env: { ORIGIN: url }, heartbeatMs: 100 });
	const clients: Client[] = [];

	/** Connects as the holder of `token` and joins the session (after `afterSeq`, as a reconnecting client). */
	async function join(token: string, sessionId: string, afterSeq?: number) {
		const socket: Client = connect(url, { transports: ['websocket'], reconnection: false, extraHeaders: { origin: url, cookie: `${SESSION_COOKIE}=${token}` } });
		clients.push(socket);
		const frames: string[] = [];
		socket.io.engine?.on('packet', (p) => frames.push(String(p.data ?? '')));
		socket.io.on('open', () => socket.io.engine.on('packet', (p) => frames.push(String(p.data ?? ''))));
		const events: VisibleSessionEvent[] = [];
		socket.on('session:events', (m) => events.push(...m.events));
		await new Promise<void>((resolve, reject) => {
			socket.on('connect', () => resolve());
			socket.on('connect_error', reject);
		});
		const reply = (await socket.emitWithAck('session:join', { sessionId, afterSeq })) as JoinReply;
		return { socket, frames, all: () => frames.join('\n'), events, reply };
	}

	return {
		url,
		io,
		join,
		close: () => {
			for (const c of clients) c.close();
			io.close();
		}
	};
}
