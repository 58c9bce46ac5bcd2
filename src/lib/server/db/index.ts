import path from 'node:path';
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';
import { acquireDataDirLock } from './dataDirLock';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface OpenDatabase {
	db: Database;
	kind: 'pglite' | 'postgres';
	/** Where the data lives, for the start-up banner (no credentials). */
	location: string;
	close(): Promise<void>;
}

export interface DatabaseOptions {
	/** postgres:// URL; when absent the embedded PGlite is used. */
	url?: string;
	/** PGlite data directory; 'memory://' for an in-memory store. */
	dataDir?: string;
	/** PGlite: start from this dumped data directory (`dumpDataDir`) instead of an empty one. */
	loadDataDir?: Blob;
	migrationsFolder?: string;
}

const defaultMigrations = () => path.resolve(process.cwd(), 'drizzle');

/** The one place that picks the driver: postgres.js for a URL, PGlite otherwise. Runs migrations. */
export async function openDatabase(options: DatabaseOptions): Promise<OpenDatabase> {
	const migrationsFolder = options.migrationsFolder ?? defaultMigrations();
	if (options.url) {
		const client = postgres(options.url, { max: 10, onnotice: () => {} });
		const db = drizzlePostgres(client, { schema });
		await migratePostgres(db, { migrationsFolder });
		const { host, pathname } = new URL(options.url);
		return {
			db: db as unknown as Database,
			kind: 'postgres',
			location: `postgres://${host}${pathname}`,
			close: () => client.end({ timeout: 5 })
		};
	}
	const dataDir = options.dataDir ?? './data';
	const inMemory = dataDir.startsWith('memory://');
	let release = () => {};
	if (!inMemory) {
		fs.mkdirSync(dataDir, { recursive: true });
		release = acquireDataDirLock(dataDir);
	}
	try {
		const client = await PGlite.create(inMemory ? dataDir : path.resolve(dataDir), { loadDataDir: options.loadDataDir });
		const db = drizzlePglite(client, { schema });
		await migratePglite(db, { migrationsFolder });
		return {
			db: db as unknown as Database,
			kind: 'pglite',
			location: inMemory ? 'in memory' : path.resolve(dataDir),
			close: async () => {
				await client.close();
				release();
			}
		};
	} catch (e) {
		release();
		throw e;
	}
}
