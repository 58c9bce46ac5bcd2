/**
 * `npm run bench:timeline`: first page and page 500 (100 events each) of one 60,000-event account
 * timeline in a 2,000,000-activity store, through the app's listTimeline and through the same SQL
 * sent directly with postgres.js. Needs BENCH_DATABASE_URL or TEST_DATABASE_URL (PostgreSQL).
 */
import postgres from 'postgres';
import { listTimeline } from '../../src/lib/server/timeline';
import type { TimelineCursor } from '../../src/lib/domain/crm/timelineCursor';
import { openBenchStore, type BenchSize } from './benchStore';

const PAGE = 100;
const DEEP_PAGE = 500;
const RUNS = Number(process.env.BENCH_RUNS ?? 300);
const WARMUP = 30;

// Page 500 of 100 events needs 50,000 events; 60,000 keeps 10,000 older ones behind it, so the deep
// page is not simply the tail of the timeline.
const SIZE: BenchSize = {
	accounts: 20_000,
	activities: 2_000_000,
	heavy: 60_000,
	seed: 1,
	now: new Date('2026-03-02T12:00:00Z')
};

const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!url) {
	console.error(
		'bench:timeline needs PostgreSQL: set BENCH_DATABASE_URL (or TEST_DATABASE_URL), e.g.\n' +
			'  BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/signalroom_bench npm run bench:timeline\n' +
			'The database is created if the server does not have it yet.'
	);
	process.exit(2);
}

function percentile(samples: number[], p: number): number {
	const sorted = [...samples].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function time(fn: () => Promise<unknown>): Promise<number> {
	const started = performance.now();
	await fn();
	return performance.now() - started;
}

const { store, workspaceId, accountId, buildSeconds } = await openBenchStore(url, SIZE);
const raw = postgres(url, { max: 1, onnotice: () => {} });
try {
	console.log(
		buildSeconds === null
			? 'Reusing the store built by an earlier run.'
			: `Built the store in ${buildSeconds.toFixed(1)} s (incl. ANALYZE).`
	);

	/** The statement listTimeline sends, written by hand: same joins, row comparison, order and limit. */
	const rawPage = (after: TimelineCursor | null) => raw`
		select a.id, a.type, a.occurred_at, a.department, a.properties, a.contact_id,
		       nullif(trim(c.first_name || ' ' || c.last_name), '') as contact_name, u.name as actor_name
		from activity a
		left join contact c on c.id = a.contact_id and c.workspace_id = ${workspaceId}
		left join "user" u on u.id = a.actor_id
		where a.workspace_id = ${workspaceId} and a.account_id = ${accountId}
		  ${after ? raw`and (a.occurred_at, a.id) < (${after.occurredAt.toISOString()}::timestamptz, ${after.id})` : raw``}
		order by a.occurred_at desc nulls last, a.id desc nulls last
		limit ${PAGE + 1}`;

	// The cursor of page 500 is the last event of page 499: reach it by paging, check it by OFFSET.
	let cursor: TimelineCursor | null = null;
	for (let page = 1; page < DEEP_PAGE; page++) {
		cursor = (await listTimeline(store.db, workspaceId, accountId, { after: cursor, limit: PAGE })).next;
		if (!cursor) throw new Error(`The timeline ended at page ${page}`);
	}
	const [expected] = await raw<{ occurred_at: Date; id: string }[]>`
		select occurred_at, id from activity where workspace_id = ${workspaceId} and account_id = ${accountId}
		order by occurred_at desc, id desc offset ${(DEEP_PAGE - 1) * PAGE - 1} limit 1`;
	if (!cursor || cursor.id !== Number(expected.id) || cursor.occurredAt.getTime() !== expected.occurred_at.getTime()) {
		throw new Error('Paging and OFFSET disagree on where page 500 starts');
	}
	const deep = cursor;
	const [appDeep, rawDeep] = [
		await listTimeline(store.db, workspaceId, accountId, { after: deep, limit: PAGE }),
		await rawPage(deep)
	];
	if (appDeep.items.length !== PAGE || Number(rawDeep[0].id) !== appDeep.items[0].id)
		throw new Error('Page 500 differs between app and raw SQL');

	const cases = {
		page1: () => listTimeline(store.db, workspaceId, accountId, { limit: PAGE }),
		raw_page1: () => rawPage(null),
		page500: () => listTimeline(store.db, workspaceId, accountId, { after: deep, limit: PAGE }),
		raw_page500: () => rawPage(deep)
	};
	type Case = keyof typeof cases;
	const samples = Object.fromEntries(Object.keys(cases).map((k) => [k, [] as number[]])) as Record<Case, number[]>;
	for (let run = 0; run < WARMUP + RUNS; run++) {
		// Interleaved, so drift (autovacuum, caches, CPU) hits all four cases alike.
		for (const name of Object.keys(cases) as Case[]) {
			const ms = await time(cases[name]);
			if (run >= WARMUP) samples[name].push(ms);
		}
	}

	for (const [label, after] of [
		['1', null],
		[String(DEEP_PAGE), deep]
	] as const) {
		const plan = await raw.unsafe(
			`explain (analyze, buffers, costs off) select a.*, c.first_name, u.name from activity a
			 left join contact c on c.id = a.contact_id and c.workspace_id = $1 left join "user" u on u.id = a.actor_id
			 where a.workspace_id = $1 and a.account_id = $2 ${after ? 'and (a.occurred_at, a.id) < ($3::timestamptz, $4)' : ''}
			 order by a.occurred_at desc nulls last, a.id desc nulls last limit ${PAGE + 1}`,
			after ? [workspaceId, accountId, after.occurredAt.toISOString(), after.id] : [workspaceId, accountId]
		);
		console.log(`\nPlan of page ${label}:`);
		for (const row of plan) console.log(`  ${Object.values(row)[0]}`);
	}

	const stat = (name: Case) => ({ p50: percentile(samples[name], 50), p95: percentile(samples[name], 95) });
	const f = (ms: number) => ms.toFixed(2).padStart(8);
	console.log(
		`\n${RUNS} timed runs per case (after ${WARMUP} warm-up), ${PAGE} events per page, account with ${SIZE.heavy.toLocaleString('en-US')} events`
	);
	console.log('page      listTimeline p50    p95   raw postgres.js p50    p95   p95 ratio');
	for (const [label, app, direct] of [
		['1', 'page1', 'raw_page1'],
		[String(DEEP_PAGE), 'page500', 'raw_page500']
	] as const) {
		const a = stat(app);
		const r = stat(direct);
		console.log(
			`${label.padEnd(9)} ${f(a.p50)} ms ${f(a.p95)} ms    ${f(r.p50)} ms ${f(r.p95)} ms   ${(a.p95 / r.p95).toFixed(2)}x`
		);
	}
	const round = (n: number) => Math.round(n * 1000) / 1000;
	console.log(
		JSON.stringify({
			page1_p95_ms: round(stat('page1').p95),
			page500_p95_ms: round(stat('page500').p95),
			raw_page1_p95_ms: round(stat('raw_page1').p95),
			raw_page500_p95_ms: round(stat('raw_page500').p95)
		})
	);
} finally {
	await raw.end({ timeout: 5 });
	await store.close();
}
