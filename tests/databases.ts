import fs from 'node:fs';
import postgres from 'postgres';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { openDatabase, type OpenDatabase } from '../src/lib/server/db/index';

export interface TestDatabase {
	name: 'pglite' | 'postgres';
	/** A fresh database at the latest migration, copied from the run's migrated one (tests/globalSetup.ts). */
	open(): Promise<OpenDatabase>;
	/** A fresh, empty database that runs every migration itself. */
	openMigratingFromScratch(): Promise<OpenDatabase>;
}

let snapshot: Promise<Blob> | undefined;
/** The migrated PGlite data directory tests/globalSetup.ts dumped (for openDatabase's loadDataDir), read once per test file. */
export function pgliteSnapshot(): Promise<Blob> {
	snapshot ??= fs.promises.readFile(inject('pgliteSnapshot')).then((bytes) => new Blob([bytes]));
	return snapshot;
}

/**
 * Opens a fresh PostgreSQL database on the server of TEST_DATABASE_URL, copied from `template`
 * (or empty, then migrated); dropped on close. openDatabase still checks the migrations.
 */
/** The migrated PostgreSQL template database tests/globalSetup.ts made (when TEST_DATABASE_URL is set). */
export const postgresTemplate = () => inject('postgresTemplate');

async function openScratchPostgres(adminUrl: string, template?: string): Promise<OpenDatabase> {
	const name = `sr_test_${randomBytes(6).toString('hex')}`;
	const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(template ? `create database ${name} template ${template}` : `create database ${name}`);
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	const opened = await openDatabase({ url: url.toString() });
	return {
		...opened,
		close: async () => {
			await opened.close();
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end();
		}
	};
}

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set. Use with describe.each. */
export function testDatabases(): TestDatabase[] {
	const list: TestDatabase[] = [
		{
			name: 'pglite',
			open: async () => openDatabase({ dataDir: 'memory://', loadDataDir: await pgliteSnapshot() }),
			openMigratingFromScratch: () => openDatabase({ dataDir: 'memory://' })
		}
	];
	const url = process.env.TEST_DATABASE_URL;
	if (url)
		list.push({
			name: 'postgres',
			open: () => openScratchPostgres(url, postgresTemplate()),
			openMigratingFromScratch: () => openScratchPostgres(url)
		});
	return list;
}
