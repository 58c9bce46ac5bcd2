// `npm start`: the built SvelteKit app and socket.io on one HTTP server.
// adapter-node assumes https when it has no ORIGIN, which would make every form post on
// http://localhost fail the same-origin check, so default it here.
import http from 'node:http';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
process.env.ORIGIN ??= `http://localhost:${port}`;

const server = http.createServer();
// The app's init hook (run when the handler is imported) attaches socket.io to this server.
globalThis.__signalroomHttpServer = server;
const { handler } = await import('../build/handler.js');
server.on('request', handler);
server.listen(port, host, () => console.log(`Listening on http://${host}:${port}`));

let stopping = false;
function shutdown(reason) {
	if (stopping) return;
	stopping = true;
	// Live connections would hold the server open: disconnect them, then stop taking requests;
	// the app closes its database on 'sveltekit:shutdown' (as with adapter-node's own server).
	globalThis.__signalroomRealtime?.disconnectSockets(true);
	globalThis.__signalroomRealtime?.close();
	server.closeIdleConnections();
	server.close(() => process.emit('sveltekit:shutdown', reason));
	setTimeout(() => server.closeAllConnections(), 10_000).unref();
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
