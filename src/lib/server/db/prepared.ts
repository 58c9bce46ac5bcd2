/**
 * Named prepared statements on PGlite. postgres.js prepares every statement on its connection, so
 * a statement it has run before is neither parsed nor planned again; PGlite's query() parses and
 * plans every time, in six protocol exchanges, and for the small statements of a hot path (a live
 * session's commands) that is most of their cost, run on the app's one thread. A runner from
 * `preparedRunner` sends a statement as Bind/Execute of a statement prepared (Parse) on its first
 * use, all messages in one exchange. On PostgreSQL it is the transaction itself.
 *
 * Only inside a transaction: the runner holds PGlite's query lock, as the transaction's own
 * statements do, but not its transaction lock.
 */
import { PGlite, parse, protocol, types } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Database } from './index';
import type { SqlRunner } from './pipeline';

const dialect = new PgDialect();
const { serialize } = protocol;
/** Per PGlite instance: statement text -> name, least recently used first; names to close. */
const prepared = new WeakMap<PGlite, { names: Map<string, string>; stale: string[] }>();
/** Prepared statements kept per instance; the least recently used one beyond is closed. */
export const PREPARED_MAX = 100;
let named = 0;

/** As drizzle's PGlite driver reads raw rows: dates, intervals and their arrays (and numeric[]) stay text. */
const asText = (value: string) => value;
const NUMERIC_ARRAY = 1231;
const TIMESTAMP_ARRAY = 1115;
const TIMESTAMPTZ_ARRAY = 1185;
const INTERVAL_ARRAY = 1187;
const DATE_ARRAY = 1182;
const rowOptions = {
	rowMode: 'object' as const,
	parsers: Object.fromEntries(
		[types.TIMESTAMP, types.TIMESTAMPTZ, types.INTERVAL, types.DATE, NUMERIC_ARRAY, TIMESTAMP_ARRAY, TIMESTAMPTZ_ARRAY, INTERVAL_ARRAY, DATE_ARRAY].map((oid) => [oid, asText])
	)
};

/** A runner for statements of the transaction `tx` opened on `db`. */
export function preparedRunner(db: Database, tx: SqlRunner): SqlRunner {
	const client = (db as unknown as { $client?: unknown }).$client;
	if (!(client instanceof PGlite)) return tx;
	return { execute: (query) => executePrepared(client, query) };
}

async function executePrepared(client: PGlite, query: SQL): Promise<{ rows: Record<string, unknown>[] }> {
	const { sql: text, params } = dialect.sqlToQuery(query);
	const { names, stale } = prepared.get(client) ?? prepared.set(client, { names: new Map(), stale: [] }).get(client)!;
	const values = params.map(serializeParam);
	return client.runExclusive(async () => {
		let name = names.get(text);
		names.delete(text);
		const messages = stale.splice(0).map((old) => serialize.close({ type: 'S', name: old }));
		if (!name) {
			if (names.size >= PREPARED_MAX) {
				const [oldest, oldestName] = names.entries().next().value!;
				names.delete(oldest);
				messages.push(serialize.close({ type: 'S', name: oldestName }));
			}
			name = `signalroom_${++named}`;
			messages.push(serialize.parse({ name, text, types: [] }));
		}
		messages.push(serialize.bind({ statement: name, values }), serialize.describe({ type: 'P' }), serialize.execute({}), serialize.sync());
		try {
			const result = await client.execProtocol(concat(messages), { syncToFs: false });
			names.set(text, name);
			return { rows: (parse.parseResults(result.messages, client.parsers, rowOptions)[0]?.rows ?? []) as Record<string, unknown>[] };
		} catch (error) {
			// Whatever failed, the statement is closed with the next exchange and prepared afresh when
			// it is used again (closing a statement that does not exist is no error).
			stale.push(name);
			throw error;
		}
	});
}

/** Parameters go as text, as PostgreSQL reads them for the type the statement casts them to. */
function serializeParam(value: unknown): string | null {
	if (value === null || value === undefined) return null;
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
	throw new TypeError(`A prepared statement parameter must be a string, number, boolean or null, not ${typeof value}.`);
}

function concat(parts: Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}
