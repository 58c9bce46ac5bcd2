import { sql } from 'drizzle-orm';
import type { Database } from '../db/index';
import { hashPassword } from '../auth/password';
import { DEMO_PASSWORD } from './demoCompany';
import { createDrizzleStore } from './drizzleStore';
import { seedDemoSmartLists } from './demoSmartLists';
import { isUniqueViolation, writeDemoWorkspace, type DemoOptions, type DemoWorkspace } from './writeDemoWorkspace';

export { DEMO_PASSWORD, DEMO_SLUG } from './demoCompany';
export type { DemoOptions, DemoWorkspace } from './writeDemoWorkspace';

/**
 * Creates the demo workspace (a B2B analytics company's CRM with planted signals) in one
 * transaction, with batched multi-row inserts. Idempotent: when the slug exists it returns that
 * workspace and writes nothing. Works on PGlite and PostgreSQL alike.
 */
export async function seedDemoWorkspace(db: Database, options: DemoOptions = {}): Promise<DemoWorkspace> {
	const attempt = () =>
		db.transaction((tx) =>
			writeDemoWorkspace(createDrizzleStore(tx as unknown as Database), () => hashPassword(DEMO_PASSWORD), options)
		);
	// Another process created the same demo meanwhile: the second attempt finds and returns it.
	const demo = await attempt().catch((e: unknown) => (isUniqueViolation(e) ? attempt() : Promise.reject(e)));
	// Fresh planner statistics, so the first queries on the new rows get index plans.
	if (demo.created) {
		await db.execute(sql`analyze account, contact, deal, activity`);
		// After the analyze, so the lists' first evaluation gets index plans.
		await seedDemoSmartLists(db, demo, options.now ?? new Date());
	}
	return demo;
}
