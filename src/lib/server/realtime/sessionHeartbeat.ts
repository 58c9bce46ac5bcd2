import { inArray } from 'drizzle-orm';
import type { Server } from 'socket.io';
import type { Database } from '../db/index';
import { practiceSession } from '../db/schema';

export const HEARTBEAT_MS = 5000;
/** socket.io room of a live session (sessionRoom.ts joins sockets to it). */
export const ROOM_PREFIX = 'session:';

/**
 * A broadcast can be lost after its command committed (the process that ran it was killed before
 * telling the others), and a client would only notice the gap at its next event. So every beat,
 * each app process tells its own sockets in each session room the session's last seq as it was
 * read at the previous beat: events that old have been delivered unless lost, so a client behind
 * that seq fetches what it missed (a rejoin with afterSeq) without waiting for the next event, and
 * a client that is merely receiving the latest events is not sent fetching. Returns the stop.
 */
export function startSessionHeartbeat(io: Server, database: () => Promise<Database>, intervalMs = HEARTBEAT_MS): () => void {
	const readAtLastBeat = new Map<string, number>();
	let running = false;
	const beat = async () => {
		if (running) return;
		running = true;
		try {
			const sessionIds = [...io.of('/').adapter.rooms.keys()].filter((r) => r.startsWith(ROOM_PREFIX)).map((r) => r.slice(ROOM_PREFIX.length));
			for (const id of readAtLastBeat.keys()) if (!sessionIds.includes(id)) readAtLastBeat.delete(id);
			if (sessionIds.length === 0) return;
			const db = await database();
			const rows = await db.select({ id: practiceSession.id, lastSeq: practiceSession.lastSeq }).from(practiceSession).where(inArray(practiceSession.id, sessionIds));
			for (const { id, lastSeq } of rows) {
				const previous = readAtLastBeat.get(id);
				if (previous !== undefined && previous > 0) io.local.to(ROOM_PREFIX + id).emit('session:heartbeat', { sessionId: id, lastSeq: previous });
				readAtLastBeat.set(id, lastSeq);
			}
		} catch (e) {
			console.error('session heartbeat failed', e);
		} finally {
			running = false;
		}
	};
	const timer = setInterval(() => void beat(), intervalMs);
	timer.unref();
	return () => clearInterval(timer);
}
