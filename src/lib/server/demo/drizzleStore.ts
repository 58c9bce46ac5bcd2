import { eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/index';
import { membership, user, workspace } from '../db/schema';
import { quoteIdent, storedColumns, tableName, type DemoStore, type DemoTable } from './demoStore';

/**
 * A DemoStore over drizzle: each batch is one multi-row INSERT whose rows arrive as a single
 * JSON parameter (json_to_recordset). That keeps the parameter count at one, whatever the
 * batch size, and is several times faster than a VALUES list on PGlite.
 */
export function createDrizzleStore(db: Database, batchSize = 5000): DemoStore {
	let pendingTable: DemoTable | null = null;
	let pending: object[] = [];

	async function insertBatch(table: DemoTable, rows: object[]): Promise<void> {
		const columns = storedColumns(table);
		const targets = columns.map((c) => quoteIdent(c.name)).join(', ');
		const sources = columns.map((c) => quoteIdent(c.key)).join(', ');
		const shape = columns.map((c) => `${quoteIdent(c.key)} ${c.sqlType}`).join(', ');
		await db.execute(
			sql`insert into ${sql.raw(quoteIdent(tableName(table)))} (${sql.raw(targets)}) select ${sql.raw(sources)} from json_to_recordset(${JSON.stringify(rows)}::json) as r(${sql.raw(shape)})`
		);
	}

	async function flush(): Promise<void> {
		if (pendingTable && pending.length) await insertBatch(pendingTable, pending);
		pending = [];
	}

	return {
		async findWorkspace(slug) {
			const [row] = await db.select({ id: workspace.id }).from(workspace).where(eq(workspace.slug, slug));
			return row ?? null;
		},
		async findUsers(emails) {
			if (!emails.length) return new Map();
			const rows = await db
				.select({ id: user.id, email: user.email })
				.from(user)
				.where(inArray(user.email, [...emails]));
			return new Map(rows.map((r) => [r.email, r.id]));
		},
		async listMembers(workspaceId) {
			return db
				.select({ email: user.email, name: user.name, role: membership.role, department: membership.department })
				.from(membership)
				.innerJoin(user, eq(user.id, membership.userId))
				.where(eq(membership.workspaceId, workspaceId))
				.orderBy(user.email);
		},
		async write(table, rows) {
			if (table !== pendingTable) {
				await flush();
				pendingTable = table;
			}
			for (const row of rows) {
				pending.push(row);
				if (pending.length >= batchSize) await flush();
			}
		},
		flush
	};
}
