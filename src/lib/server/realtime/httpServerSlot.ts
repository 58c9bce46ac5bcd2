import type { Server as HttpServer } from 'node:http';
import type { Server } from 'socket.io';

/**
 * The HTTP server SvelteKit runs on is created outside the app bundle (scripts/start.js in
 * production, Vite in development); it is handed over through this slot so socket.io can share it.
 */
interface RealtimeSlot {
	__signalroomHttpServer?: HttpServer;
	__signalroomRealtime?: Server;
}

export const realtimeSlot = globalThis as typeof globalThis & RealtimeSlot;
