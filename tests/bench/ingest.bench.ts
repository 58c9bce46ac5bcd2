/**
 * `npm run bench:ingest`: 100,000 activities sent through POST /api/v1/activities in batches of
 * 1,000 (each with its Idempotency-Key) to the production server (`npm run build` first) on
 * PostgreSQL, beside the same rows written with plain multi-row INSERTs over postgres.js in the same
 * run. Needs BENCH_DATABASE_URL or TEST_DATABASE_URL: a scratch database is created on that server
 * and dropped afterwards. Target: at least 10,000 activities/s. The last line is JSON.
 */
import postgres from 'postgres';
import { randomBytes, randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { openDatabase } from '../../src/lib/server/db/index';
import { createApiToken } from '../../src/lib/server/api/apiTokens';
import { makeAccount, makeUser, makeWorkspace } from '../factories';
import { freePort, isBuilt, startApp, stopApp } from '../fault/appProcess';
import { ACTIVITY_TYPES, ACTIVITY_TYPE_INFO } from '../../src/lib/domain/crm/activityTypes';

export interface IngestBenchOptions {
	/** A PostgreSQL server URL; a scratch database is made on it. */
	url: string;
	total?: number;
	batchSize?: number;
	/** Batches in flight at once, as an integration with a few workers would send them. */
	concurrency?: number;
	accounts?: number;
}

export interface IngestBenchResult {
	ingestActivitiesPerSecond: number;
	plainInsertRowsPerSecond: number;
	seconds: number;
}

function makeBatches(total: number, batchSize: number, accounts: number) {
	const start = Date.parse('2025-01-01T00:00:00Z');
	return Array.from({ length: Math.ceil(total / batchSize) }, (_, b) =>
		Array.from({ length: Math.min(batchSize, total - b * batchSize) }, (_, i) => {
			const n = b * batchSize + i;
			return {
				type: ACTIVITY_TYPES[n % ACTIVITY_TYPES.length],
				occurredAt: new Date(start + n * 37_000).toISOString(),
				accountExternalId: `bench-${n % accounts}`,
				properties: { source: 'bench', page: `/docs/${n % 50}`, seq: n }
			};
		})
	);
}

async function runPool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>) {
	let next = 0;
	await Promise.all(Array.from({ length: concurrency }, async () => {
		while (next < items.length) await work(items[next++]);
	}));
}

/** Measures ingest through the API against a fresh database; exported for `npm run bench:import`. */
export async function measureIngest(options: IngestBenchOptions): Promise<IngestBenchResult> {
	const { total = 100_000, batchSize = 1000, concurrency = 4, accounts = 500 } = options;
	if (!isBuilt()) throw new Error('Build the app first: npm run build');
	const name = `sr_bench_ingest_${randomBytes(5).toString('hex')}`;
	const admin = postgres(options.url, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name}`);
	const url = new URL(options.url);
	url.pathname = `/${name}`;
	const store = await openDatabase({ url: url.toString() });
	const app = { current: null as Awaited<ReturnType<typeof startApp>> | null };
	try {
		const ws = await makeWorkspace(store.db, 'Ingest bench');
		const user = await makeUser(store.db, { workspaceId: ws.id, role: 'admin' });
		const accountIds: string[] = [];
		for (let i = 0; i < accounts; i++) accountIds.push((await makeAccount(store.db, ws.id, { externalId: `bench-${i}` })).id);
		const { secret } = await createApiToken(store.db, ws.id, { userId: user.id, name: 'bench' }, { name: 'bench', scopes: ['ingest'], ratePerMinute: 1_000_000 });
		const batches = makeBatches(total, batchSize, accounts);

		const port = await freePort();
		app.current = await startApp({ PORT: String(port), ORIGIN: `http://127.0.0.1:${port}`, DATABASE_URL: url.toString() });
		const send = async (batch: object[]) => {
			const res = await fetch(`http://127.0.0.1:${port}/api/v1/activities`, {
				method: 'POST',
				headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
				body: JSON.stringify({ activities: batch })
			});
			if (res.status !== 201) throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
			await res.arrayBuffer();
		};
		await send(batches[0].slice(0, 10)); // warm the server's code paths and connections
		const started = performance.now();
		await runPool(batches, concurrency, send);
		const seconds = (performance.now() - started) / 1000;

		// Baseline: the same rows, plain multi-row INSERTs with the account ids already known.
		const raw = postgres(url.toString(), { max: concurrency, onnotice: () => {} });
		const rawStarted = performance.now();
		await runPool(batches, concurrency, async (batch) => {
			const rows = batch.map((a) => ({
				workspace_id: ws.id,
				account_id: accountIds[Number(a.accountExternalId.slice(6))],
				type: a.type,
				occurred_at: a.occurredAt,
				department: ACTIVITY_TYPE_INFO[a.type].department,
				properties: raw.json(a.properties)
			}));
			await raw`insert into activity ${raw(rows)}`;
		});
		const rawSeconds = (performance.now() - rawStarted) / 1000;
		await raw.end();
		return { ingestActivitiesPerSecond: Math.round(total / seconds), plainInsertRowsPerSecond: Math.round(total / rawSeconds), seconds };
	} finally {
		if (app.current) await stopApp(app.current);
		await store.close();
		await admin.unsafe(`drop database if exists ${name} with (force)`);
		await admin.end();
	}
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
	if (!url) {
		console.error('bench:ingest needs PostgreSQL: set BENCH_DATABASE_URL (or TEST_DATABASE_URL), e.g.\n  BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:ingest');
		process.exit(2);
	}
	const result = await measureIngest({ url });
	console.log(`API ingest:   100,000 activities in ${result.seconds.toFixed(2)} s = ${result.ingestActivitiesPerSecond.toLocaleString('en-US')} activities/s (target 10,000)`);
	console.log(`Plain INSERT: ${result.plainInsertRowsPerSecond.toLocaleString('en-US')} rows/s (same rows, same database, no HTTP or validation)`);
	console.log(JSON.stringify({ ingest_activities_per_s: result.ingestActivitiesPerSecond }));
}
