import postgres from 'postgres';
import { openDatabase, type OpenDatabase } from '../../src/lib/server/db/index';
import { seedDemoWorkspaceByCopy } from '../../src/lib/server/demo/seedDemoWorkspaceByCopy';
import { HEAVY_ACCOUNT_EXTERNAL_ID } from '../../src/lib/server/demo/planAccounts';

export interface BenchSize {
	accounts: number;
	activities: number;
	/** Activities of the one long timeline that gets paged. */
	heavy: number;
	seed: number;
	now: Date;
}

export interface BenchStore {
	store: OpenDatabase;
	workspaceId: string;
	accountId: string;
	/** Seconds spent building, or null when an earlier run's store was reused. */
	buildSeconds: number | null;
}

/** The slug is the marker: it names the size, and the workspace exists only if its build committed. */
export const benchSlug = (s: BenchSize) => `bench-timeline-a${s.accounts}-x${s.activities}-h${s.heavy}-s${s.seed}`;

/** Creates the database named in the URL when the server does not have it yet. */
async function ensureDatabase(url: string): Promise<void> {
	const probe = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 });
	try {
		await probe`select 1`;
	} catch (e) {
		if ((e as { code?: string }).code !== '3D000') throw e;
		const target = new URL(url);
		const name = decodeURIComponent(target.pathname.slice(1));
		target.pathname = '/postgres';
		const admin = postgres(target.toString(), { max: 1, onnotice: () => {} });
		await admin.unsafe(`create database "${name.replaceAll('"', '""')}"`);
		await admin.end();
		console.log(`Created database ${name}.`);
	} finally {
		await probe.end();
	}
}

/** Opens (and migrates) the bench database, building the store through the demo generator unless present. */
export async function openBenchStore(url: string, size: BenchSize): Promise<BenchStore> {
	await ensureDatabase(url);
	const store = await openDatabase({ url });
	const slug = benchSlug(size);
	const sql = postgres(url, { max: 1, onnotice: () => {} });
	try {
		const [existing] = await sql<{ id: string }[]>`select id from workspace where slug = ${slug}`;
		let buildSeconds: number | null = null;
		let workspaceId = existing?.id;
		if (!workspaceId) {
			console.log(
				`Building ${size.activities.toLocaleString('en-US')} activities over ${size.accounts.toLocaleString('en-US')} accounts (workspace ${slug})...`
			);
			const started = performance.now();
			let shown = 0;
			const demo = await seedDemoWorkspaceByCopy(sql, {
				accounts: size.accounts,
				activities: size.activities,
				heavyAccountActivities: size.heavy,
				seed: size.seed,
				now: size.now,
				slug,
				onProgress: (p) => {
					if (p.table === 'activity' && p.rows - shown >= 250_000) {
						shown = p.rows;
						const rate = Math.round(p.rows / ((performance.now() - started) / 1000));
						console.log(
							`  ${p.rows.toLocaleString('en-US')} activities (${rate.toLocaleString('en-US')} rows/s overall)`
						);
					}
				}
			});
			await sql`analyze`;
			buildSeconds = (performance.now() - started) / 1000;
			workspaceId = demo.workspaceId;
		}
		const [account] = await sql<{ id: string; n: number }[]>`
			select a.id, (select count(*)::int from activity t where t.workspace_id = a.workspace_id and t.account_id = a.id) as n
			from account a where a.workspace_id = ${workspaceId} and a.external_id = ${HEAVY_ACCOUNT_EXTERNAL_ID}`;
		if (!account || account.n !== size.heavy) {
			throw new Error(`Workspace ${slug} has no heavy account with ${size.heavy} activities; drop it and run again.`);
		}
		return { store, workspaceId, accountId: account.id, buildSeconds };
	} finally {
		await sql.end({ timeout: 5 });
	}
}
