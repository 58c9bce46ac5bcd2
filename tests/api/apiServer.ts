/**
 * REST API tests run against the production build (`npm run build`), started as a process the way
 * `npm start` runs it, on a store seeded here first: PGlite in a temporary directory (the app
 * holds its lock while running), or a scratch PostgreSQL database when TEST_DATABASE_URL is set;
 * both start from the run's migrated copy (tests/globalSetup.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { randomBytes } from 'node:crypto';
import { openDatabase, type Database } from '../../src/lib/server/db/index';
import { freePort, isBuilt, startApp, stopApp, type AppProcess } from '../fault/appProcess';
import { pgliteSnapshot, postgresTemplate } from '../databases';

export interface ApiServer {
	baseUrl: string;
	app: AppProcess;
	stop(): Promise<void>;
}

export interface ApiTarget {
	name: 'pglite' | 'postgres';
	/** Opens the store, lets `seed` write to it, then starts the app on it. */
	start<T>(seed: (db: Database) => Promise<T>, env?: Record<string, string>): Promise<{ server: ApiServer; seeded: T }>;
}

async function launch(env: Record<string, string>, cleanup: () => Promise<void>): Promise<ApiServer> {
	const port = await freePort();
	const app = await startApp({ PORT: String(port), ORIGIN: `http://127.0.0.1:${port}`, WEBHOOK_POLL_MS: '200', ...env });
	return {
		baseUrl: `http://127.0.0.1:${port}`,
		app,
		async stop() {
			await stopApp(app);
			await cleanup();
		}
	};
}

const pglite: ApiTarget = {
	name: 'pglite',
	async start(seed, env = {}) {
		const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sr-api-'));
		const store = await openDatabase({ dataDir, loadDataDir: await pgliteSnapshot() });
		const seeded = await seed(store.db);
		await store.close();
		const server = await launch({ DATA_DIR: dataDir, ...env }, async () => fs.rmSync(dataDir, { recursive: true, force: true }));
		return { server, seeded };
	}
};

const postgresTarget = (adminUrl: string): ApiTarget => ({
	name: 'postgres',
	async start(seed, env = {}) {
		const name = `sr_api_${randomBytes(6).toString('hex')}`;
		const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
		await admin.unsafe(`create database ${name} template ${postgresTemplate()}`);
		const url = new URL(adminUrl);
		url.pathname = `/${name}`;
		const store = await openDatabase({ url: url.toString() });
		const seeded = await seed(store.db);
		await store.close();
		const server = await launch({ DATABASE_URL: url.toString(), ...env }, async () => {
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end();
		});
		return { server, seeded };
	}
});

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set. */
export function apiTargets(): ApiTarget[] {
	if (!isBuilt()) throw new Error('Build the app first: npm run build (npm test does).');
	const url = process.env.TEST_DATABASE_URL;
	return url ? [pglite, postgresTarget(url)] : [pglite];
}

/** fetch with a bearer token and JSON; returns status, headers and the parsed body (or the text). */
export async function call(baseUrl: string, method: string, pathname: string, options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {}) {
	const headers: Record<string, string> = { ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}), ...options.headers };
	let body: string | undefined = options.rawBody;
	if (options.body !== undefined) {
		body = JSON.stringify(options.body);
		headers['Content-Type'] ??= 'application/json';
	}
	const response = await fetch(baseUrl + pathname, { method, headers, body, redirect: 'manual' });
	const text = await response.text();
	let json: unknown = undefined;
	try {
		json = JSON.parse(text);
	} catch {
		/* not JSON: the tests say so */
	}
	return { status: response.status, headers: response.headers, json: json as any, text };
}
