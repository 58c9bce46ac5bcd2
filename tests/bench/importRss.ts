/**
 * Child process of bench:import: imports one CSV file through runImportFile (the function the
 * UI's job runs) into a fresh workspace and prints its peak RSS. Run alone, so the figure is the
 * import's own, not the parent's.
 * bench:import compiles it first (compileForNode.ts) and runs it with plain node.
 * Usage: node <compiled importRss.mjs> <database-url> <file> <accounts>
 */
import { openDatabase } from '../../src/lib/server/db/index';
import { workspace } from '../../src/lib/server/db/schema';
import { profileFile } from '../../src/lib/server/import/profileFile';
import { preparePlan } from '../../src/lib/server/import/preparePlan';
import { runImportFile } from '../../src/lib/server/import/runImportFile';
import { upsertAccounts } from '../../src/lib/server/crmUpsert/index';
import { accountDomain } from './importFiles';

const [url, file, accountCount] = process.argv.slice(2);
const store = await openDatabase({ url });
try {
	const [ws] = await store.db.insert(workspace).values({ name: 'Import RSS bench', slug: `bench-import-rss-${Date.now().toString(36)}` }).returning();
	const accounts = Array.from({ length: Number(accountCount) }, (_, i) => ({
		externalId: `acc-${i}`, name: `Company ${i}`, domain: accountDomain(i), industry: null, size: null, lifecycle: null, plan: null, arr: null
	}));
	await upsertAccounts(store.db, ws.id, accounts);
	const plan = preparePlan('contacts', await profileFile(file));
	const startRss = process.memoryUsage.rss() / 1024 / 1024;
	const started = performance.now();
	const result = await runImportFile({ db: store.db, workspaceId: ws.id, filePath: file, plan, mode: 'import', batchSize: Number(process.env.BENCH_IMPORT_BATCH ?? 2000) });
	const seconds = (performance.now() - started) / 1000;
	// resourceUsage().maxRSS is the process's peak resident set, in kilobytes.
	console.log(JSON.stringify({ rows: result.rowsRead, ...result.counts, seconds, peak_rss_mb: process.resourceUsage().maxRSS / 1024, start_rss_mb: startRss }));
} finally {
	await store.close();
}
