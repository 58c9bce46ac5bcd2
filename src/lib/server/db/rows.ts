import type { SQL } from 'drizzle-orm';
import type { SqlRunner } from './pipeline';

/** Runs raw SQL and returns its rows, whichever driver is underneath (PGlite wraps them in .rows). */
export async function queryRows<T>(db: SqlRunner, query: SQL): Promise<T[]> {
	const result = (await db.execute(query)) as unknown as { rows?: T[] } | T[];
	return Array.isArray(result) ? result : (result.rows ?? []);
}
