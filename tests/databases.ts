import postgres from 'postgres';
import { randomBytes } from 'node:crypto';
import { openDatabase, type OpenDatabase } from '../src/lib/server/db/index';

export interface TestDatabase {
	name: 'pglite' | 'postgres';
	open(): Promise<OpenDatabase>;
}

/** Opens a fresh, migrated PostgreSQL database on the server of TEST_DATABASE_URL; dropped on close. */
async function openScratchPostgres(adminUrl: string): Promise<OpenDatabase> {
	const name = `sr_test_${randomBytes(6).toString('hex')}`;
	const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name}`);
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
	const list: TestDatabase[] = [{ name: 'pglite', open: () => openDatabase({ dataDir: 'memory://' }) }];
	const url = process.env.TEST_DATABASE_URL;
	if (url) list.push({ name: 'postgres', open: () => openScratchPostgres(url) });
	return list;
}
