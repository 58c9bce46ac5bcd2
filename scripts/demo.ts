/**
 * Writes a demo workspace: `npm run demo -- --accounts 20000 --activities 2000000`.
 * PostgreSQL (DATABASE_URL or --database-url) is written with COPY; otherwise the embedded
 * PGlite store in DATA_DIR (default ./data) gets batched inserts. Run `npm run demo -- --help`.
 */
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { openDatabase } from '../src/lib/server/db/index';
import { DEFAULT_DEMO_SIZE, type DemoOptions, type DemoWorkspace } from '../src/lib/server/demo/writeDemoWorkspace';
import { seedDemoWorkspace } from '../src/lib/server/demo/seedDemoWorkspace';
import { seedDemoWorkspaceByCopy } from '../src/lib/server/demo/seedDemoWorkspaceByCopy';
import { measurePatterns, share } from '../src/lib/server/demo/measurePatterns';
import { createProgressPrinter } from './demoProgress';

const HELP = `Usage: npm run demo -- [options]

  --accounts N              accounts to create (default ${DEFAULT_DEMO_SIZE.accounts})
  --activities N            activity rows in total (default ${DEFAULT_DEMO_SIZE.activities})
  --contacts-per-account N  average contacts per account (default ${DEFAULT_DEMO_SIZE.contactsPerAccount})
  --heavy N                 give the first account exactly N activities (one very long timeline)
  --seed N                  random seed; same seed + same --now = same data
  --now ISO-DATE            anchor date; history covers the 18 months before it (default: now)
  --slug S                  workspace slug (default demo); an existing slug is left untouched
  --database-url URL        PostgreSQL to write into (default DATABASE_URL; without one, PGlite in DATA_DIR)
  --report                  measure the planted patterns afterwards and print them
`;

function integer(name: string, value: string | undefined): number | undefined {
	if (value === undefined) return undefined;
	const n = Number(value.replaceAll('_', ''));
	if (!Number.isSafeInteger(n)) throw new Error(`--${name} expects a whole number, got "${value}"`);
	return n;
}

function readOptions() {
	const { values } = parseArgs({
		options: {
			accounts: { type: 'string' },
			activities: { type: 'string' },
			'contacts-per-account': { type: 'string' },
			heavy: { type: 'string' },
			seed: { type: 'string' },
			now: { type: 'string' },
			slug: { type: 'string' },
			'database-url': { type: 'string' },
			report: { type: 'boolean' },
			help: { type: 'boolean', short: 'h' }
		}
	});
	const now = values.now ? new Date(values.now) : undefined;
	if (now && Number.isNaN(now.getTime()))
		throw new Error(`--now expects a date such as 2026-03-01, got "${values.now}"`);
	const options: DemoOptions = {
		accounts: integer('accounts', values.accounts),
		activities: integer('activities', values.activities),
		contactsPerAccount: integer('contacts-per-account', values['contacts-per-account']),
		heavyAccountActivities: integer('heavy', values.heavy),
		seed: integer('seed', values.seed),
		slug: values.slug,
		now
	};
	return { options, url: values['database-url'] ?? process.env.DATABASE_URL, report: values.report, help: values.help };
}

async function main() {
	const { options, url, report, help } = readOptions();
	if (help) return void process.stdout.write(HELP);
	const started = performance.now();
	const store = await openDatabase(url ? { url } : { dataDir: process.env.DATA_DIR ?? './data' });
	console.log(`Writing demo workspace "${options.slug ?? 'demo'}" into ${store.kind} (${store.location})`);
	const onProgress = createProgressPrinter();
	let demo: DemoWorkspace;
	try {
		if (url) {
			const sql = postgres(url, { max: 1, onnotice: () => {} });
			try {
				demo = await seedDemoWorkspaceByCopy(sql, { ...options, onProgress });
				if (demo.created) await sql`analyze account, contact, deal, activity, note, task`;
			} finally {
				await sql.end({ timeout: 5 });
			}
		} else {
			demo = await seedDemoWorkspace(store.db, { ...options, onProgress });
		}
		const seconds = (performance.now() - started) / 1000;
		if (!demo.created) console.log(`Workspace "${demo.slug}" already exists: nothing written.`);
		else console.log(`Done in ${seconds.toFixed(1)} s.`);
		console.log(
			`Workspace ${demo.slug} (${demo.workspaceId}); every user signs in with the password "${demo.password}":`
		);
		for (const u of demo.users) console.log(`  ${u.email.padEnd(40)} ${u.role.padEnd(12)} ${u.department}`);
		if (report) {
			const patterns = await measurePatterns(store.db, demo.workspaceId, options.now ?? new Date());
			for (const [name, value] of Object.entries(patterns)) {
				const groups = 'n' in value ? { all: value } : (value as Record<string, { n: number; hits: number }>);
				const parts = Object.entries(groups).map(
					([group, r]) => `${group} ${r.hits}/${r.n} (${Math.round(share(r) * 100)}%)`
				);
				console.log(`  ${name.padEnd(17)} ${parts.join('  ')}`);
			}
		}
	} finally {
		await store.close();
	}
}

main().catch((e: unknown) => {
	console.error(`demo: ${e instanceof Error ? e.message : String(e)}`);
	process.exit(1);
});
