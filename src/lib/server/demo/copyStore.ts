import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { Sql } from 'postgres';
import {
	quoteIdent,
	storedColumns,
	tableName,
	type DemoStore,
	type DemoTable,
	type DemoUser,
	type StoredColumn
} from './demoStore';

/** One value in COPY's text format: \N for null, backslash escapes for the special characters. */
function copyValue(value: unknown): string {
	if (value === null || value === undefined) return '\\N';
	if (value instanceof Date) return value.toISOString();
	if (typeof value === 'boolean') return value ? 't' : 'f';
	if (typeof value === 'number') return String(value);
	const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
	return /[\\\n\r\t]/.test(text)
		? text.replaceAll('\\', '\\\\').replaceAll('\n', '\\n').replaceAll('\r', '\\r').replaceAll('\t', '\\t')
		: text;
}

const CHUNK_CHARS = 1 << 18;

/**
 * A DemoStore that streams rows into `COPY ... FROM STDIN` over postgres.js: one COPY per table,
 * written in ~256 KB chunks that wait for the socket to drain, so memory stays flat however
 * many rows pass through. `sql` must be a transaction (from `sql.begin`) for all-or-nothing.
 */
export function createCopyStore(sql: Sql): DemoStore {
	let current: { table: DemoTable; columns: StoredColumn[]; stream: Writable } | null = null;
	let chunk = '';

	async function send(force = false): Promise<void> {
		if (!current || (!force && chunk.length < CHUNK_CHARS) || !chunk.length) return;
		const ok = current.stream.write(chunk);
		chunk = '';
		if (!ok) await once(current.stream, 'drain');
	}

	async function endCopy(): Promise<void> {
		if (!current) return;
		await send(true);
		const { stream } = current;
		current = null;
		stream.end();
		await finished(stream);
	}

	async function startCopy(table: DemoTable): Promise<void> {
		await endCopy();
		const columns = storedColumns(table);
		const statement = `copy ${quoteIdent(tableName(table))} (${columns.map((c) => quoteIdent(c.name)).join(', ')}) from stdin`;
		current = { table, columns, stream: await sql.unsafe(statement).writable() };
	}

	return {
		async findWorkspace(slug) {
			const [row] = await sql<{ id: string }[]>`select id from workspace where slug = ${slug}`;
			return row ?? null;
		},
		async findUsers(emails) {
			if (!emails.length) return new Map();
			const rows = await sql<
				{ id: string; email: string }[]
			>`select id, email from "user" where email in ${sql([...emails])}`;
			return new Map(rows.map((r) => [r.email, r.id]));
		},
		async listMembers(workspaceId) {
			const rows = await sql<DemoUser[]>`
				select u.email, u.name, m.role, m.department
				from membership m join "user" u on u.id = m.user_id
				where m.workspace_id = ${workspaceId} order by u.email`;
			return [...rows];
		},
		async write(table, rows) {
			if (current?.table !== table) await startCopy(table);
			const { columns } = current!;
			for (const row of rows) {
				const record = row as Record<string, unknown>;
				let line = '';
				for (let i = 0; i < columns.length; i++) line += (i ? '\t' : '') + copyValue(record[columns[i].key]);
				chunk += line + '\n';
				if (chunk.length >= CHUNK_CHARS) await send();
			}
		},
		flush: endCopy
	};
}
