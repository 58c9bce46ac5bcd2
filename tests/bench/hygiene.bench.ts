/**
 * `npm run bench:hygiene`: the data-hygiene report (every check the hygiene page runs, and a
 * stored audit) on a 20,000-account, 2,000,000-activity store, beside the accounts list's first
 * page measured in the same run as the baseline of "a page that does not crawl". Needs
 * BENCH_DATABASE_URL or TEST_DATABASE_URL (PostgreSQL); reuses the store bench:timeline builds.
 */
import { loadHygieneReport } from '../../src/lib/server/hygiene/report';
import { findDuplicateAccounts, findDuplicateContacts } from '../../src/lib/server/hygiene/duplicates';
import { findIncompleteRecords, findInvalidEmails, findOverdueDeals, findStaleAccounts } from '../../src/lib/server/hygiene/problems';
import { listAccounts } from '../../src/lib/server/accounts';
import { openBenchStore, type BenchSize } from './benchStore';

const SIZE: BenchSize = { accounts: 20_000, activities: 2_000_000, heavy: 60_000, seed: 1, now: new Date('2026-03-02T12:00:00Z') };
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!url) {
	console.error('bench:hygiene needs PostgreSQL: set BENCH_DATABASE_URL (or TEST_DATABASE_URL).');
	process.exit(2);
}

/** Median milliseconds of `runs` calls after one warm-up call. */
async function median(fn: () => Promise<unknown>, runs = RUNS): Promise<number> {
	await fn();
	const samples: number[] = [];
	for (let i = 0; i < runs; i++) {
		const started = performance.now();
		await fn();
		samples.push(performance.now() - started);
	}
	return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)];
}

const { store, workspaceId, buildSeconds } = await openBenchStore(url, SIZE);
try {
	console.log(buildSeconds === null ? 'Reusing the store built by an earlier run.' : `Built the store in ${buildSeconds.toFixed(1)} s.`);
	const db = store.db;
	const now = SIZE.now;
	const cutoff = new Date(now.getTime() - 90 * 86_400_000);
	const checks: [string, () => Promise<unknown>][] = [
		['baseline: accounts list, first page', () => listAccounts(db, workspaceId, {})],
		['duplicate contacts', () => findDuplicateContacts(db, workspaceId)],
		['duplicate accounts', () => findDuplicateAccounts(db, workspaceId)],
		['missing fields (contacts, accounts, deals)', async () => {
			for (const kind of ['contact', 'account', 'deal'] as const) await findIncompleteRecords(db, workspaceId, kind);
		}],
		['invalid emails', () => findInvalidEmails(db, workspaceId)],
		['stale accounts (90 days)', () => findStaleAccounts(db, workspaceId, cutoff)],
		['overdue deals', () => findOverdueDeals(db, workspaceId, now.toISOString().slice(0, 10))],
		['whole hygiene report (the page)', () => loadHygieneReport(db, workspaceId, 90, now)]
	];
	const rows: [string, number][] = [];
	for (const [name, fn] of checks) {
		const ms = await median(fn);
		rows.push([name, ms]);
		console.log(`${name.padEnd(44)} ${ms.toFixed(1).padStart(9)} ms (median of ${RUNS})`);
	}
	const report = await loadHygieneReport(db, workspaceId, 90, now);
	console.log(`Store: ${report.counts.accounts.toLocaleString('en-US')} accounts, ${report.counts.contacts.toLocaleString('en-US')} contacts; ${report.duplicateAccounts.pairs} account and ${report.duplicateContacts.pairs} contact candidate pairs; score ${report.quality.score}.`);
	const page = rows.at(-1)![1];
	const baseline = rows[0][1];
	console.log(JSON.stringify({ hygiene_report_ms: Math.round(page), accounts_page_ms: Math.round(baseline), ratio: Number((page / baseline).toFixed(1)) }));
} finally {
	await store.close();
}
