/**
 * Vitest global setup: migrates one database of each kind once per run, so database tests start
 * from a copy instead of running every migration again (tests/databases.ts):
 * - PGlite: a migrated in-memory store, dumped to a tarball in a temporary directory; each test
 *   loads it (`loadDataDir`) instead of running initdb and the migrations.
 * - PostgreSQL (when TEST_DATABASE_URL is set): a migrated template database; each test's scratch
 *   database is `create database … template …`.
 * Both are made from drizzle/ as it is now, every run, and removed at the end of the run. What a
 * killed run leaves behind (the name carries the run's process id) is removed by the next run.
 * Migrating an empty database stays covered: openDatabase.db.test.ts does it on each kind.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import type { TestProject } from 'vitest/node';

const DIR_PREFIX = 'signalroom-vitest-';
const TEMPLATE_PREFIX = 'sr_template_';
const OWNER_FILE = 'owner-pid';
const migrationsFolder = path.resolve('drizzle');

declare module 'vitest' {
	export interface ProvidedContext {
		/** Tarball of a migrated PGlite data directory. */
		pgliteSnapshot: string;
		/** Name of a migrated PostgreSQL template database ('' without TEST_DATABASE_URL). */
		postgresTemplate: string;
	}
}

function isAlive(pid: number) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

function sweepStaleDirs() {
	for (const name of fs.readdirSync(os.tmpdir())) {
		if (!name.startsWith(DIR_PREFIX)) continue;
		const dir = path.join(os.tmpdir(), name);
		try {
			const pid = Number(fs.readFileSync(path.join(dir, OWNER_FILE), 'utf8'));
			if (pid && !isAlive(pid)) fs.rmSync(dir, { recursive: true, force: true });
		} catch {
			// not ours, or being written right now: leave it
		}
	}
}

async function makePgliteSnapshot(dir: string): Promise<string> {
	const client = await PGlite.create('memory://');
	try {
		await migrate(drizzle(client), { migrationsFolder });
		const tarball = await client.dumpDataDir('none');
		const file = path.join(dir, 'pglite-migrated.tar');
		fs.writeFileSync(file, new Uint8Array(await tarball.arrayBuffer()));
		return file;
	} finally {
		await client.close();
	}
}

/** Creates and migrates `sr_template_<pid>_<random>`; drops templates of runs that no longer run. */
async function makePostgresTemplate(adminUrl: string): Promise<{ name: string; drop(): Promise<void> }> {
	const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
	const templates = await admin<{ datname: string }[]>`select datname from pg_database where datname like ${TEMPLATE_PREFIX + '%'}`;
	for (const { datname } of templates) {
		const pid = Number(datname.slice(TEMPLATE_PREFIX.length).split('_')[0]);
		if (pid && !isAlive(pid)) await dropTemplate(admin, datname);
	}
	const name = `${TEMPLATE_PREFIX}${process.pid}_${randomBytes(4).toString('hex')}`;
	await admin.unsafe(`create database ${name}`);
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	const client = postgres(url.toString(), { max: 1, onnotice: () => {} });
	try {
		const { drizzle: drizzlePostgres } = await import('drizzle-orm/postgres-js');
		const { migrate: migratePostgres } = await import('drizzle-orm/postgres-js/migrator');
		await migratePostgres(drizzlePostgres(client), { migrationsFolder });
	} finally {
		// A template must have no open connections while databases are created from it.
		await client.end();
	}
	await admin.unsafe(`alter database ${name} with is_template true allow_connections false`);
	return {
		name,
		async drop() {
			await dropTemplate(admin, name);
			await admin.end();
		}
	};
}

async function dropTemplate(admin: postgres.Sql, name: string) {
	await admin.unsafe(`alter database ${name} with is_template false`);
	await admin.unsafe(`drop database if exists ${name} with (force)`);
}

export default async function setup(project: TestProject) {
	sweepStaleDirs();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), DIR_PREFIX));
	fs.writeFileSync(path.join(dir, OWNER_FILE), String(process.pid));
	const url = process.env.TEST_DATABASE_URL;
	try {
		const [snapshot, template] = await Promise.all([makePgliteSnapshot(dir), url ? makePostgresTemplate(url) : undefined]);
		project.provide('pgliteSnapshot', snapshot);
		project.provide('postgresTemplate', template?.name ?? '');
		return async () => {
			await template?.drop();
			fs.rmSync(dir, { recursive: true, force: true });
		};
	} catch (error) {
		fs.rmSync(dir, { recursive: true, force: true });
		throw error;
	}
}
