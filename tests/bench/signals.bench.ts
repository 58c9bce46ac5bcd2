/**
 * `npm run bench:signals`: on the 2,000,000-activity store of bench:timeline (20,000 accounts),
 * - a full sweep of every stable starter-playbook signal through the app's sweepSignals (first
 *   sweep, which writes every hit, alerts and tasks; then a steady-state sweep over stored hits);
 * - incremental detection per ingested activity (one new activity, then detectSignalsForAccounts
 *   for its account), mean and p99, once the store has settled after the sweeps (a checkpoint and
 *   the vacuum autovacuum would run) and the detection code has warmed up (WARMUP ingests first: a
 *   running server has its hot paths compiled; a fresh process is slower while V8 optimizes them,
 *   which is start-up cost, not per-activity cost. `node --trace-opt` over this loop counted 60
 *   optimizations per 100 detections at first, 34 at the 300th, 12 at the 500th and at most 6
 *   from the 1,000th on: the paths that run only when a hit opens, one detection in six, get hot
 *   last. The first 1,000 detections' figures are printed too);
 * beside a plain aggregate over the same activities in the same run (activities per account and
 * type). Needs BENCH_DATABASE_URL or TEST_DATABASE_URL (PostgreSQL). Rows it adds are removed.
 */
import postgres from 'postgres';
import { PerformanceObserver, constants as perf, type PerformanceEntry } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { pipelinedTransaction } from '../../src/lib/server/db/pipeline';
import { sweepSignals, detectSignalsForAccounts } from '../../src/lib/server/signals/detectSignals';
import { loadDetectionPlan } from '../../src/lib/server/signals/detectionSignals';
import type { ActivityType } from '../../src/lib/domain/crm/activityTypes';
import { openBenchStore, type BenchSize } from './benchStore';

const SIZE: BenchSize = { accounts: 20_000, activities: 2_000_000, heavy: 60_000, seed: 1, now: new Date('2026-03-02T12:00:00Z') };
/** Enough samples that p99 is not one unlucky sample (the 10th slowest of 1,000). */
const INGESTS = Number(process.env.BENCH_RUNS ?? 1000);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1500);

const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!url) {
	console.error('bench:signals needs PostgreSQL: set BENCH_DATABASE_URL (or TEST_DATABASE_URL), e.g.\n  BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/signalroom_bench npm run bench:signals');
	process.exit(2);
}

const percentile = (samples: number[], p: number) => {
	const sorted = [...samples].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const spread = (samples: number[]) => [50, 90, 99].map((p) => `p${p} ${percentile(samples, p).toFixed(2)} ms`).join(', ');
async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
	const started = performance.now();
	const out = await fn();
	return [performance.now() - started, out];
}

const { store, workspaceId, buildSeconds } = await openBenchStore(url, SIZE);
const raw = postgres(url, { max: 1, onnotice: () => {} });
const added: number[] = [];
try {
	console.log(buildSeconds === null ? 'Reusing the store built by an earlier run.' : `Built the store in ${buildSeconds.toFixed(1)} s.`);
	// What autovacuum does on a live store: the visibility map lets per-account lookups skip the heap.
	await raw`vacuum analyze activity`;
	const clear = () => raw`delete from signal_hit where workspace_id = ${workspaceId}`;
	const clearTasks = () => raw`delete from task where workspace_id = ${workspaceId} and id in (select task_id from signal_hit where workspace_id = ${workspaceId} and task_id is not null)`;
	await clearTasks();
	await clear();
	const plan = await loadDetectionPlan(store.db, workspaceId);
	console.log(`${plan.signals.length} stable signals: ${plan.signals.map((s) => s.key).join(', ')}`);

	const [aggregateMs, groups] = await time(() => raw`select account_id, type, count(*) from activity where workspace_id = ${workspaceId} group by account_id, type`);
	const sweepNow = new Date(SIZE.now.getTime() + 60_000);
	const [firstMs, first] = await time(() => sweepSignals(store.db, workspaceId, { now: sweepNow }));
	const [steadyMs, steady] = await time(() => sweepSignals(store.db, workspaceId, { now: new Date(sweepNow.getTime() + 60_000) }));
	const [aggregateMs2] = await time(() => raw`select account_id, type, count(*) from activity where workspace_id = ${workspaceId} group by account_id, type`);
	// The first sweep wrote every hit, alert and task at once: autovacuum would vacuum and analyze
	// those tables within a minute, and the checkpointer would write out what the sweeps dirtied.
	await raw`vacuum analyze signal_hit`;
	await raw`vacuum analyze task`;
	await raw`vacuum analyze signal_alert`;
	await raw`checkpoint`;
	console.log(`Plain aggregate: ${(aggregateMs / 1000).toFixed(2)} s and ${(aggregateMs2 / 1000).toFixed(2)} s (${groups.length} account/type groups)`);
	console.log(`First sweep: ${(firstMs / 1000).toFixed(2)} s ${JSON.stringify(first)}`);
	console.log(`Steady sweep: ${(steadyMs / 1000).toFixed(2)} s ${JSON.stringify(steady)}`);

	// Incremental: a new activity on a random account (types the rules read), then its detection.
	const accounts = await raw<{ id: string }[]>`select id from account where workspace_id = ${workspaceId} order by md5(id::text) limit ${INGESTS + WARMUP}`;
	const types: ActivityType[] = ['product_login', 'pricing_visit', 'ticket_opened', 'email_replied', 'survey_answered', 'proposal_viewed'];
	const floor: number[] = [];
	/**
	 * Per sample: wall time, the process's CPU time over it (every thread: V8 compiles and collects
	 * off the main thread) and what it wrote: a hit opened (the hit, alerts, a task), other hit
	 * changes only (closed, evidence moved), or nothing (one round trip).
	 */
	const traced: { ms: number; cpuMs: number; wrote: 'opened' | 'changed' | 'nothing' }[] = [];
	/** The loop's first detections, while V8 is still compiling the path (part of the warm-up). */
	const START = Math.min(1000, WARMUP);
	const startUp: number[] = [];
	let at = sweepNow.getTime() + 120_000;
	/** The app's garbage-collection pauses (the tail's usual suspect), kept when they began while the samples ran. */
	const gcs: PerformanceEntry[] = [];
	const gc = new PerformanceObserver((list) => gcs.push(...list.getEntries()));
	gc.observe({ entryTypes: ['gc'] });
	const sampling = { from: Infinity, to: Infinity };
	for (const [i, { id }] of accounts.entries()) {
		if (i === WARMUP) sampling.from = performance.now();
		at += 1_000;
		const type = types[i % types.length];
		const [row] = await raw<{ id: string }[]>`insert into activity (workspace_id, account_id, type, occurred_at, department, properties)
			values (${workspaceId}, ${id}, ${type}, ${new Date(at)}, 'success', ${raw.json(type === 'survey_answered' ? { kind: 'nps', score: 3 } : {})}) returning id`;
		added.push(Number(row.id));
		const cpu = process.cpuUsage();
		const [ms, result] = await time(() => detectSignalsForAccounts(store.db, workspaceId, [id], { now: new Date(at + 500) }));
		const { user, system } = process.cpuUsage(cpu);
		if (i < START) startUp.push(ms);
		const wrote = result.opened > 0 ? 'opened' : result.closed + result.refreshed + result.past > 0 ? 'changed' : 'nothing';
		if (i >= WARMUP) traced.push({ ms, cpuMs: (user + system) / 1000, wrote });
	}
	sampling.to = performance.now();
	// The floor under it: a transaction of the same shape (the workspace lock and one read, nothing
	// written) that evaluates nothing, for the same accounts, each after a round trip on the other
	// connection as a detection comes after its insert. Measured after the samples, not between
	// them: a transaction that writes nothing returns before its COMMIT is answered, and a floor's
	// COMMIT could still hold the workspace lock when the next detection asked for it.
	for (const { id } of accounts.slice(WARMUP)) {
		await raw`select 1`;
		const [floorMs] = await time(() =>
			pipelinedTransaction(store.db, async (run) => ({
				result: await run.execute(sql`select pg_advisory_xact_lock(61001, hashtext(${workspaceId}::text)), ${id}::uuid as account`),
				writes: []
			}))
		);
		floor.push(floorMs);
	}
	// GC entries are delivered a turn or two of the event loop after the pause.
	await new Promise((resolve) => setImmediate(resolve));
	await new Promise((resolve) => setImmediate(resolve));
	gcs.push(...gc.takeRecords());
	gc.disconnect();
	const kindOf = (e: PerformanceEntry) => (e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
	const pauses = gcs.filter((e) => e.startTime >= sampling.from && e.startTime < sampling.to);
	const young = pauses.filter((e) => kindOf(e) === perf.NODE_PERFORMANCE_GC_MINOR);
	const samples = traced.map((t) => t.ms);
	const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
	console.log(`Incremental detection, ${samples.length} activities (after ${WARMUP} warm-up): mean ${mean.toFixed(2)} ms, ${spread(samples)}`);
	for (const [label, wrote] of [['that opened a hit', 'opened'], ['that changed other hits only', 'changed'], ['that wrote nothing', 'nothing']] as const) {
		const part = traced.filter((t) => t.wrote === wrote).map((t) => t.ms);
		if (part.length > 0) console.log(`  ${part.length} ${label}: ${spread(part)}`);
	}
	// What the slowest 1% were: a detection that waited with the app idle was waiting on PostgreSQL
	// or for a core; one whose process CPU time reached its wall time had other threads busy too.
	const slowest = [...traced].sort((a, b) => b.ms - a.ms).slice(0, Math.max(1, Math.ceil(traced.length / 100)));
	console.log(
		`  the slowest ${slowest.length}: ${slowest.filter((t) => t.wrote === 'opened').length} opened a hit, ${slowest.filter((t) => t.wrote === 'changed').length} changed other hits; the app's CPU time was under half the wall time in ${slowest.filter((t) => t.cpuMs < t.ms / 2).length}, at least the wall time in ${slowest.filter((t) => t.cpuMs >= t.ms).length}`
	);
	if (startUp.length > 0)
		console.log(`The loop's first ${startUp.length} detections (part of the warm-up): ${spread(startUp)}`);
	console.log(`Floor (lock and one read in a pipelined transaction, no evaluation): ${spread(floor)}`);
	console.log(
		`GC pauses during the samples: ${young.length} young-generation, ${young.reduce((a, e) => a + e.duration, 0).toFixed(1)} ms in all, longest ${Math.max(0, ...young.map((e) => e.duration)).toFixed(2)} ms; ${pauses.length - young.length} other`
	);
	const { execSync } = await import('node:child_process');
	console.log(`Machine load: ${execSync('uptime').toString().trim()}`);
	const r = (n: number) => Math.round(n * 1000) / 1000;
	console.log(JSON.stringify({ sweep_s: r(steadyMs / 1000), incremental_p99_ms: r(percentile(samples, 99)), baseline_aggregate_s: r(Math.min(aggregateMs, aggregateMs2) / 1000) }));
} finally {
	if (added.length > 0) await raw`delete from activity where id = any(${added})`;
	await raw`delete from task where workspace_id = ${workspaceId} and id in (select task_id from signal_hit where workspace_id = ${workspaceId} and task_id is not null)`;
	await raw`delete from signal_hit where workspace_id = ${workspaceId}`;
	await raw.end();
	await store.close();
}
