import pg from 'pg';
import { createAdapter } from '@socket.io/postgres-adapter';
import type { Server } from 'socket.io';

/** Servers whose adapter reaches other app nodes (see publishEvents). */
export const clusteredServers = new WeakSet<object>();

/**
 * Several app nodes share one PostgreSQL (DESIGN.md): with DATABASE_URL set, socket.io broadcasts
 * go through it (LISTEN/NOTIFY, with payloads over 8 kB in the adapter's attachments table), so a
 * client on one node sees what happens on another. Returns the pool's shutdown.
 */
export function usePostgresAdapter(io: Server, databaseUrl: string): () => Promise<void> {
	const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
	pool.on('error', (e) => console.error('socket.io Postgres adapter:', e.message));
	// The adapter's own table, as its README creates it; the advisory lock keeps two nodes that
	// start together from racing on CREATE TABLE.
	void pool
		.query(
			`BEGIN;
			SELECT pg_advisory_xact_lock(727272);
			CREATE TABLE IF NOT EXISTS socket_io_attachments (
				id          bigserial UNIQUE,
				created_at  timestamptz DEFAULT NOW(),
				payload     bytea
			);
			COMMIT;`
		)
		.catch((e: Error) => console.error('socket.io Postgres adapter: could not create socket_io_attachments:', e.message));
	io.adapter(createAdapter(pool));
	clusteredServers.add(io);
	let ended: Promise<void> | null = null;
	return () => (ended ??= pool.end().catch(() => {}));
}
