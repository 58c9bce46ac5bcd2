/**
 * The yardstick for `npm run bench:live`: a bare socket.io broadcast server, no auth, no
 * persistence. A client joins the room; a 'session:command' is acked and broadcast to the room
 * as one event with the next seq, in the same shape the app sends. Prints "Listening on PORT".
 */
import http from 'node:http';
import { Server } from 'socket.io';

const server = http.createServer();
const io = new Server(server, { path: '/socket.io', serveClient: false });
let seq = 0;
io.on('connection', (socket) => {
	socket.on('session:join', (request: { sessionId: string }, reply: (r: unknown) => void) => {
		void socket.join(request.sessionId);
		reply({ ok: true, serverMs: Date.now(), lastSeq: seq, events: [] });
	});
	socket.on('session:leave', (request: { sessionId: string }) => void socket.leave(request.sessionId));
	socket.on('session:command', (request: { sessionId: string; command: Record<string, unknown> }, reply: (r: unknown) => void) => {
		const event = { ...request.command, type: 'tag.added', seq: ++seq, at: new Date().toISOString() };
		reply({ ok: true, seqs: [event.seq], duplicate: false });
		io.to(request.sessionId).emit('session:events', { sessionId: request.sessionId, events: [event] });
	});
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => console.log(`Listening on ${(server.address() as { port: number }).port}`));
process.on('SIGTERM', () => process.exit(0));
