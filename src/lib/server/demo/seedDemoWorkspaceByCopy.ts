import type { Sql } from 'postgres';
import { hashPassword } from '../auth/password';
import { createCopyStore } from './copyStore';
import { DEMO_PASSWORD } from './demoCompany';
import { isUniqueViolation, writeDemoWorkspace, type DemoOptions, type DemoWorkspace } from './writeDemoWorkspace';

/**
 * The same demo as seedDemoWorkspace, streamed into PostgreSQL with COPY (for millions of rows).
 * Runs in one transaction on its own connection; the schema must already be migrated.
 */
export async function seedDemoWorkspaceByCopy(sql: Sql, options: DemoOptions = {}): Promise<DemoWorkspace> {
	const attempt = async () =>
		(await sql.begin((tx) =>
			writeDemoWorkspace(createCopyStore(tx as unknown as Sql), () => hashPassword(DEMO_PASSWORD), options)
		)) as DemoWorkspace;
	// Another process created the same workspace meanwhile: the second attempt finds and returns it.
	return attempt().catch((e: unknown) => (isUniqueViolation(e) ? attempt() : Promise.reject(e)));
}
