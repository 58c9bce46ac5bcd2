import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { parse as parseCookie } from 'cookie';
import type { Database } from '../db/index';
import { SESSION_COOKIE, validateSessionToken, type SessionUser } from '../auth/session';
import { allowedOrigins, isAllowedOrigin } from './origins';
import { handleSessionSocket, type InterServerEvents } from './sessionRoom';
import { usePostgresAdapter } from './postgresAdapter';
import { HEARTBEAT_MS, startSessionHeartbeat } from './sessionHeartbeat';
import type { Department, Role } from '../../domain/crm/vocabulary';
import type { ClientToServerEvents, ServerToClientEvents } from '../../realtime/events';

export interface SocketData {
	user: SessionUser;
	/** Sessions this socket joined, with the user's standing in that session's workspace. */
	sessions: Record<string, { workspaceId: string; role: Role; department: Department }>;
}

/**
 * Attaches socket.io to the same HTTP server as SvelteKit. A connection must come from an
 * allowed Origin and carry a valid session cookie; its user is then on `socket.data.user`.
 * With DATABASE_URL set, nodes sharing that database share broadcasts (postgresAdapter.ts).
 */
export function attachRealtime(
	httpServer: HttpServer,
	deps: { database: () => Promise<Database>; env?: Record<string, string | undefined>; heartbeatMs?: number }
): Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData> {
	const env = deps.env ?? process.env;
	const allowed = allowedOrigins(env);
	const io = new Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>(httpServer, {
		path: '/socket.io',
		serveClient: false,
		// Cross-site pages cannot even start the handshake.
		allowRequest: (req, callback) => {
			const ok = isAllowedOrigin(req.headers.origin, allowed);
			callback(ok ? null : 'This origin may not connect to Signalroom.', ok);
		}
	});
	io.use(async (socket, next) => {
		const token = parseCookie(socket.handshake.headers.cookie ?? '')[SESSION_COOKIE];
		const found = token ? await validateSessionToken(await deps.database(), token) : null;
		if (!found) return next(new Error('Sign in to join live sessions.'));
		socket.data.user = found.user;
		socket.data.sessions = {};
		next();
	});
	if (env.DATABASE_URL) {
		// Several app nodes on one PostgreSQL: broadcasts reach the sockets of every node.
		const endPool = usePostgresAdapter(io, env.DATABASE_URL);
		const close = io.close.bind(io);
		io.close = (fn) => close(fn).finally(endPool);
	}
	io.on('connection', (socket) => handleSessionSocket(io, socket, deps.database));
	const stopHeartbeat = startSessionHeartbeat(io, deps.database, deps.heartbeatMs ?? (Number(env.SESSION_HEARTBEAT_MS) || HEARTBEAT_MS));
	const closeIo = io.close.bind(io);
	io.close = (fn) => (stopHeartbeat(), closeIo(fn));
	return io;
}
