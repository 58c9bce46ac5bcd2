/**
 * `npm run bench:live` (issue 4, Benchmark): one live session with 200 participants, socket.io
 * clients in 4 child processes on loopback, against the production server (`node scripts/start.js`,
 * built first if stale) and, measured in the same run with the same clients, a bare socket.io
 * broadcast server (tests/bench/liveBare.ts: no auth, no persistence).
 *
 * 1. Latency: tags at a steady 50 commands/s aggregate for 10 s; p50/p99 send -> delivery over
 *    every delivery at every participant.
 * 2. Throughput: ramp the aggregate rate (x1.5 per 4 s step, each step on a fresh session so the
 *    session's state starts small) until delivery falls behind: a step is sustained when nearly
 *    every command is acked and every participant has every event within 1 s of the last send.
 *
 * PostgreSQL from BENCH_DATABASE_URL or TEST_DATABASE_URL (a scratch database, dropped after),
 * else the embedded PGlite in a temp directory. The last line printed is one JSON object.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { execSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { openDatabase } from '../../src/lib/server/db/index';
import { SESSION_COOKIE } from '../../src/lib/server/auth/session';
import { seedLiveSession, startSession } from '../fault/seedLiveSession';
import { freePort, startApp, stopApp } from '../fault/appProcess';

const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 200);
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 4);
const LATENCY_RATE = 50;
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 10_000);
const STEP_MS = Number(process.env.BENCH_STEP_MS ?? 4_000);
const FIRST_STEP = 50;
const GROWTH = 1.5;
const MAX_STEPS = 14;
const GRACE_MS = 1_000;
/** After a step falls behind, how much longer to wait to tell late deliveries from lost ones. */
const LATE_MS = 5_000;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
const round = (x: number) => Math.round(x * 10) / 10;

// ---- the store: a scratch PostgreSQL database, or PGlite in a temp directory
const adminUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
const cleanups: (() => Promise<void> | void)[] = [];
let dbEnv: Record<string, string>;
let openStore: () => ReturnType<typeof openDatabase>;
if (adminUrl) {
	const name = `sr_bench_live_${randomBytes(5).toString('hex')}`;
	const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name}`);
	cleanups.push(async () => {
		await admin.unsafe(`drop database if exists ${name} with (force)`);
		await admin.end();
	});
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	dbEnv = { DATABASE_URL: url.toString() };
	openStore = () => openDatabase({ url: url.toString() });
} else {
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sr-bench-live-'));
	cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
	dbEnv = { DATA_DIR: dataDir };
	openStore = () => openDatabase({ dataDir });
}
console.log(`store: ${adminUrl ? 'PostgreSQL (scratch database)' : 'PGlite (temp directory)'}; ${PARTICIPANTS} participants in ${PROCESSES} client processes`);

const store = await openStore();
const seeded = await seedLiveSession(store.db, PARTICIPANTS);
const rampSessions: string[] = [];
for (let i = 0; i < MAX_STEPS; i++) rampSessions.push((await startSession(store.db, seeded.workspaceId, seeded.people)).sessionId);
await store.close();

if (!process.env.SIGNALROOM_APP_DIR) execSync('node scripts/build-if-stale.js', { stdio: 'inherit' });

// ---- the two servers
const appPort = await freePort();
const appOrigin = `http://127.0.0.1:${appPort}`;
const app = await startApp({ ...dbEnv, PORT: String(appPort), ORIGIN: appOrigin });
cleanups.unshift(async () => void (await stopApp(app)));
const bare = spawn(process.execPath, ['--import', 'tsx', 'tests/bench/liveBare.ts'], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, PORT: '0' } });
cleanups.unshift(() => void bare.kill('SIGTERM'));
const barePort = await new Promise<number>((resolve) => {
	let out = '';
	bare.stdout!.on('data', (d) => {
		out += d;
		const m = /Listening on (\d+)/.exec(out);
		if (m) resolve(Number(m[1]));
	});
});

// ---- the client processes
type Reply = { kind: string; [k: string]: unknown };
const workers: { child: ChildProcess; tokens: string[]; next: () => Promise<Reply> }[] = [];
for (let w = 0; w < PROCESSES; w++) {
	const child = fork('tests/bench/liveClients.ts', [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
	const queue: Reply[] = [];
	const waiting: ((r: Reply) => void)[] = [];
	child.on('message', (m: Reply) => (waiting.length ? waiting.shift()!(m) : queue.push(m)));
	child.on('exit', (code) => code && console.error(`client process ${w} exited with ${code}`));
	workers.push({
		child,
		tokens: seeded.people.filter((_, i) => i % PROCESSES === w).map((p) => p.token),
		next: () => (queue.length ? Promise.resolve(queue.shift()!) : new Promise((resolve) => waiting.push(resolve)))
	});
	cleanups.unshift(() => void child.kill());
}
const all = async (send: (w: (typeof workers)[number], i: number) => unknown) => {
	workers.forEach((w, i) => w.child.send(send(w, i) as object));
	return Promise.all(workers.map((w) => w.next()));
};

interface StepResult {
	rate: number;
	sent: number;
	acked: number;
	delivered: number;
	expected: number;
	waitedMs: number;
	latencies: number[];
	errors: string[];
	/** Participants missing some events at the deadline. */
	shortParticipants: number;
	/** Deliveries counted by the end of the extra wait (LATE_MS), and when the last one came (null: some never did). */
	finalDelivered: number;
	completedAfterMs: number | null;
}

let phaseCounter = 0;
const t0 = Date.now();
const stamp = () => `[${((Date.now() - t0) / 1000).toFixed(1)} s]`;
async function step(rate: number, durationMs: number, keep: boolean): Promise<StepResult> {
	const phase = `p${phaseCounter++}`;
	await all(() => ({ kind: 'prepare', phase, keep }));
	const sent = (await all(() => ({ kind: 'run', phase, rate: rate / PROCESSES, durationMs, accountId: seeded.accountId, activityId: seeded.activityIds[0] }))).reduce((n, r) => n + (r.sent as number), 0);
	const collected = await all((w) => ({ kind: 'collect', phase, expected: sent * w.tokens.length, timeoutMs: GRACE_MS, lateMs: LATE_MS }));
	const completed = collected.map((r) => r.completedAfterMs as number | null);
	return {
		rate,
		sent,
		acked: collected.reduce((n, r) => n + (r.acked as number), 0),
		delivered: collected.reduce((n, r) => n + (r.delivered as number), 0),
		expected: sent * PARTICIPANTS,
		waitedMs: Math.max(...collected.map((r) => r.waitedMs as number)),
		latencies: collected.flatMap((r) => r.latencies as number[]),
		errors: [...new Set(collected.flatMap((r) => r.errors as string[]))],
		shortParticipants: collected.reduce((n, r) => n + (r.shortParticipants as number), 0),
		finalDelivered: collected.reduce((n, r) => n + (r.finalDelivered as number), 0),
		completedAfterMs: completed.some((c) => c === null) ? null : Math.max(...(completed as number[]))
	};
}

/** For a step that fell behind: how many participants were short, and whether the rest came late or never. */
const lateness = (r: StepResult) =>
	r.delivered >= r.expected
		? ''
		: ` (${r.shortParticipants} participants short at ${GRACE_MS} ms; ${
				r.completedAfterMs === null
					? `${r.expected - r.finalDelivered} deliveries still missing after ${(GRACE_MS + LATE_MS) / 1000} s`
					: `all delivered after ${Math.round(r.completedAfterMs)} ms`
			})`;
const sustained = (r: StepResult) => r.delivered >= r.expected && r.acked >= 0.99 * r.sent;

async function measure(label: string, url: string, origin: string) {
	await all((w) => ({ kind: 'init', url, origin, cookieName: SESSION_COOKIE, tokens: w.tokens, sessionId: seeded.sessionId, participants: label === 'app' ? PARTICIPANTS : 0 }));
	console.log(`${stamp()} ${label}: ${PARTICIPANTS} participants joined`);
	await step(LATENCY_RATE, 1_000, false); // warm-up
	const latency = await step(LATENCY_RATE, LATENCY_MS, true);
	const sorted = latency.latencies.sort((a, b) => a - b);
	const p50 = percentile(sorted, 50);
	const p99 = percentile(sorted, 99);
	console.log(`${label}: ${LATENCY_RATE} commands/s for ${LATENCY_MS / 1000} s: ${latency.delivered}/${latency.expected} deliveries, p50 ${round(p50)} ms, p99 ${round(p99)} ms, max ${round(sorted.at(-1) ?? NaN)} ms`);
	let best = 0;
	let rate = FIRST_STEP;
	for (let i = 0; i < MAX_STEPS; i++) {
		await all(() => ({ kind: 'join', sessionId: rampSessions[i] }));
		const r = await step(rate, STEP_MS, false);
		const ok = sustained(r);
		console.log(
			`${stamp()} ${label}: offered ${Math.round(rate)}/s: sent ${r.sent}, acked ${r.acked}, ${r.delivered}/${r.expected} deliveries (${Math.round(r.delivered / ((STEP_MS + r.waitedMs) / 1000))}/s) ${ok ? 'sustained' : 'fell behind'}${ok ? '' : lateness(r)}${r.errors.length ? `; refusals: ${r.errors.join(' | ')}` : ''}`
		);
		if (!ok) break;
		best = r.sent / (STEP_MS / 1000);
		rate *= GROWTH;
	}
	for (const w of workers) w.child.send({ kind: 'exit' });
	return { p50, p99, best };
}

let result: Record<string, number>;
try {
	const appRun = await measure('app', appOrigin, appOrigin);
	// Fresh client processes for the bare server: the same code and the same 200 participants.
	for (const w of workers.splice(0)) w.child.kill();
	for (let w = 0; w < PROCESSES; w++) {
		const child = fork('tests/bench/liveClients.ts', [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
		const queue: Reply[] = [];
		const waiting: ((r: Reply) => void)[] = [];
		child.on('message', (m: Reply) => (waiting.length ? waiting.shift()!(m) : queue.push(m)));
		workers.push({ child, tokens: seeded.people.filter((_, i) => i % PROCESSES === w).map((p) => p.token), next: () => (queue.length ? Promise.resolve(queue.shift()!) : new Promise((resolve) => waiting.push(resolve))) });
		cleanups.unshift(() => void child.kill());
	}
	const bareUrl = `http://127.0.0.1:${barePort}`;
	const bareRun = await measure('bare', bareUrl, bareUrl);
	result = {
		p50_ms: round(appRun.p50),
		p99_ms: round(appRun.p99),
		max_events_per_s: Math.round(appRun.best),
		bare_max_events_per_s: Math.round(bareRun.best)
	};
	console.log(`targets: p99 < 50 ms at ${LATENCY_RATE}/s: ${result.p99_ms < 50 ? 'met' : 'MISSED'}; sustained >= half of bare: ${result.max_events_per_s >= result.bare_max_events_per_s / 2 ? 'met' : 'MISSED'}`);
} finally {
	for (const c of cleanups) await c();
}
console.log(JSON.stringify(result!));
process.exit(0);
