/**
 * `npm run bench:import`: a generated 100,000-row HubSpot-style contacts CSV imported through the
 * app's import path (runImportFile: stream-parse, validate, dedupe, set-based upserts in
 * transactions, as the UI's background job runs it), beside a plain COPY of the same rows into an
 * equivalent table (same columns and indexes) in the same run; then the peak RSS of a child
 * process importing a 1,000,000-row file (compiled first and run with plain node, as production
 * runs: see compileForNode.ts). Needs BENCH_DATABASE_URL or TEST_DATABASE_URL
 * (PostgreSQL); works in a scratch database it creates and drops.
 */
import { measureIngest } from './ingest.bench';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { compileForNode } from './compileForNode';
import postgres from 'postgres';
import { openDatabase } from '../../src/lib/server/db/index';
import { workspace } from '../../src/lib/server/db/schema';
import { upsertAccounts } from '../../src/lib/server/crmUpsert/index';
import { profileFile } from '../../src/lib/server/import/profileFile';
import { preparePlan } from '../../src/lib/server/import/preparePlan';
import { runImportFile } from '../../src/lib/server/import/runImportFile';
import { normalizeEmail } from '../../src/lib/domain/import/normalize';
import { accountDomain, contactCells, writeContactsCsv } from './importFiles';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const BIG_ROWS = Number(process.env.BENCH_IMPORT_BIG_ROWS ?? 1_000_000);
const ACCOUNTS = 1000;
// The batch size the UI's job uses (runImportFile's default); BENCH_IMPORT_BATCH tries others.
const BATCH = Number(process.env.BENCH_IMPORT_BATCH ?? 2000);

const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!url) {
	console.error('bench:import needs PostgreSQL: set BENCH_DATABASE_URL (or TEST_DATABASE_URL), e.g.\n  TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:import');
	process.exit(2);
}

const scratch = `sr_bench_import_${randomBytes(5).toString('hex')}`;
const admin = postgres(url, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${scratch}`);
const scratchUrl = new URL(url);
scratchUrl.pathname = `/${scratch}`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-import-'));
const store = await openDatabase({ url: scratchUrl.toString() });
const raw = postgres(scratchUrl.toString(), { max: 1, onnotice: () => {} });

const rate = (rows: number, ms: number) => Math.round(rows / (ms / 1000));

try {
	const [ws] = await store.db.insert(workspace).values({ name: 'Import bench', slug: 'bench-import' }).returning();
	const accounts = Array.from({ length: ACCOUNTS }, (_, i) => ({
		externalId: `acc-${i}`, name: `Company ${i}`, domain: accountDomain(i), industry: null, size: null, lifecycle: null, plan: null, arr: null
	}));
	await upsertAccounts(store.db, ws.id, accounts);
	const file = path.join(dir, 'contacts-100k.csv');
	await writeContactsCsv(file, ROWS, ACCOUNTS);
	const mb = (fs.statSync(file).size / 1024 / 1024).toFixed(1);
	console.log(`${ROWS.toLocaleString('en-US')} contacts, ${mb} MB of CSV, ${ACCOUNTS} accounts to link to, batches of ${BATCH}.`);

	const profileStarted = performance.now();
	const plan = preparePlan('contacts', await profileFile(file));
	console.log(`Profiling the upload (columns, values, date formats): ${(performance.now() - profileStarted).toFixed(0)} ms; preset ${plan.preset}.`);

	await raw`analyze`;
	const importStarted = performance.now();
	const result = await runImportFile({ db: store.db, workspaceId: ws.id, filePath: file, plan, mode: 'import', batchSize: BATCH });
	const importMs = performance.now() - importStarted;
	if (result.counts.created !== ROWS || result.counts.errors !== 0) throw new Error(`Import did not create every row: ${JSON.stringify(result.counts)}`);

	// The same rows, already typed and linked, COPYed into a table with contact's columns and indexes.
	await raw.unsafe('create table contact_copy (like contact including defaults including indexes including constraints)');
	const accountIds = new Map((await raw<{ id: string; domain: string }[]>`select id, domain from account where workspace_id = ${ws.id}`).map((r) => [r.domain, r.id]));
	const esc = (v: string | null) => (v === null || v === '' ? '\\N' : v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r'));
	const stages: Record<string, string> = { marketingqualifiedlead: 'mql', salesqualifiedlead: 'sql' };
	let copyText = '';
	for (let i = 0; i < ROWS; i++) {
		const [ext, first, last, email, domain, stage, title] = contactCells(i, ACCOUNTS);
		copyText += [ws.id, esc(ext), esc(first), esc(last), esc(normalizeEmail(email)), esc(title), stages[stage] ?? stage, domain ? accountIds.get(domain)! : '\\N'].join('\t') + '\n';
	}
	const copyStarted = performance.now();
	const sink = await raw`copy contact_copy (workspace_id, external_id, first_name, last_name, email, title, lifecycle, account_id) from stdin`.writable();
	await new Promise<void>((resolve, reject) => {
		sink.on('error', reject);
		sink.on('finish', () => resolve());
		sink.end(copyText);
	});
	const copyMs = performance.now() - copyStarted;
	const [{ copied }] = await raw<{ copied: number }[]>`select count(*)::int as copied from contact_copy`;
	if (copied !== ROWS) throw new Error(`COPY wrote ${copied} rows`);

	const importRate = rate(ROWS, importMs);
	const copyRate = rate(ROWS, copyMs);
	console.log(`import path: ${(importMs / 1000).toFixed(2)} s, ${importRate.toLocaleString('en-US')} rows/s (parse + validate + dedupe + upsert)`);
	console.log(`plain COPY:  ${(copyMs / 1000).toFixed(2)} s, ${copyRate.toLocaleString('en-US')} rows/s (rows pre-typed and linked)`);
	console.log(`import / COPY = ${(importRate / copyRate).toFixed(2)} (target >= 0.25); target >= 25,000 rows/s`);

	const big = path.join(dir, 'contacts-1m.csv');
	await writeContactsCsv(big, BIG_ROWS, ACCOUNTS);
	console.log(`\n${BIG_ROWS.toLocaleString('en-US')}-row file: ${(fs.statSync(big).size / 1024 / 1024).toFixed(0)} MB; importing in a child process...`);
	const child = spawn(process.execPath, [await compileForNode('tests/bench/importRss.ts'), scratchUrl.toString(), big, String(ACCOUNTS)], { stdio: ['ignore', 'pipe', 'inherit'] });
	let out = '';
	child.stdout.on('data', (d) => (out += d));
	const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
	if (code !== 0) throw new Error(`The 1M-row import child exited with ${code}`);
	const rss = JSON.parse(out.trim().split('\n').pop()!);
	if (rss.created !== BIG_ROWS) throw new Error(`The 1M-row import created ${rss.created} rows`);
	console.log(`1M rows: ${rss.seconds.toFixed(1)} s (${rate(BIG_ROWS, rss.seconds * 1000).toLocaleString('en-US')} rows/s), peak RSS ${rss.peak_rss_mb.toFixed(0)} MB (target < 300 MB; ${rss.start_rss_mb.toFixed(0)} MB before the import started)`);

	// The REST API's activity ingest: 100,000 activities in batches of 1,000 through the
	// production server, on its own scratch database (tests/bench/ingest.bench.ts).
	const ingest = await measureIngest({ url: url! });
	console.log(`API ingest: ${ingest.ingestActivitiesPerSecond.toLocaleString('en-US')} activities/s (target 10,000), plain INSERT of the same rows ${ingest.plainInsertRowsPerSecond.toLocaleString('en-US')} rows/s`);
	console.log(
		JSON.stringify({
			import_rows_per_s: importRate,
			copy_rows_per_s: copyRate,
			ingest_activities_per_s: ingest.ingestActivitiesPerSecond,
			peak_rss_mb_1m_rows: Math.round(rss.peak_rss_mb)
		})
	);
} finally {
	await raw.end({ timeout: 5 });
	await store.close();
	await admin.unsafe(`drop database if exists ${scratch} with (force)`);
	await admin.end();
	fs.rmSync(dir, { recursive: true, force: true });
}
