import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { testDatabases } from '../../../../tests/databases';
import { openDatabase, type OpenDatabase } from './index';
import { DataDirInUseError } from './dataDirLock';
import { queryRows } from './rows';

describe.each(testDatabases())('database on $name', ({ openMigratingFromScratch }) => {
	let store: OpenDatabase;
	beforeAll(async () => {
		// The other database tests start from a migrated copy (tests/globalSetup.ts); this one runs every migration.
		store = await openMigratingFromScratch();
	});
	afterAll(() => store.close());

	it('has every table of the schema after migrations', async () => {
		const names = await queryRows<{ table_name: string }>(store.db, 
			sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`
		);
		expect(names.map((r) => r.table_name)).toEqual(
			expect.arrayContaining(['account', 'activity', 'contact', 'deal', 'membership', 'note', 'task', 'tag', 'tagging', 'user', 'workspace', 'invite', 'auth_session'])
		);
	});
});

describe.each(testDatabases())('a test database copied from the run’s migrated one on $name', ({ open, openMigratingFromScratch }) => {
	it('has the same migrations applied as one migrated from scratch', async () => {
		const applied = async (store: OpenDatabase) => {
			try {
				return await queryRows<{ hash: string }>(store.db, sql`select hash from drizzle.__drizzle_migrations order by id`);
			} finally {
				await store.close();
			}
		};
		const fromScratch = await applied(await openMigratingFromScratch());
		expect(fromScratch.length).toBeGreaterThan(0);
		expect(await applied(await open())).toEqual(fromScratch);
	});
});

describe('embedded data directory', () => {
	it('refuses a second opener of the same directory and allows it again after close', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sr-lock-'));
		const first = await openDatabase({ dataDir: dir });
		await expect(openDatabase({ dataDir: dir })).rejects.toBeInstanceOf(DataDirInUseError);
		await first.close();
		const again = await openDatabase({ dataDir: dir });
		await again.close();
		fs.rmSync(dir, { recursive: true, force: true });
	});
});
