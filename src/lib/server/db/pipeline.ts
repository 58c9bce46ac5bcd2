/**
 * A transaction in two round trips on PostgreSQL: BEGIN leaves with the first reads, COMMIT with
 * the writes; when there is nothing to write, the result is returned without waiting for the
 * COMMIT (a read-only transaction has nothing for it to confirm). For small hot paths
 * (incremental signal detection) the round trips, not the queries, are most of the time.
 * Statements are named prepared statements on the connection, so repeated ones skip parsing and
 * planning.
 *
 * `fn` gets a runner for its reads (only reads: with no writes, nothing waits for the COMMIT;
 * send them together, e.g. with Promise.all; they reach the server in the order they are called)
 * and a full Database for rare extra work outside the pipeline; it returns its result and the
 * writes to run, in order, before COMMIT. The first failure rolls everything back. On PGlite, or
 * inside a transaction the caller opened, it is a plain (nested) transaction with the same meaning
 * (on PGlite with prepared statements, prepared.ts).
 */
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Sql } from 'postgres';
import type { Database } from './index';
import { preparedRunner } from './prepared';

/** What read helpers need of a database: a way to run one SQL statement. */
export interface SqlRunner {
	execute(query: SQL): PromiseLike<unknown>;
}

export interface PipelinedWork<T> {
	result: T;
	writes: SQL[];
}

const dialect = new PgDialect();

/** The postgres.js pool under a top-level database, when there is one. */
function poolOf(db: Database): Sql | null {
	const client = (db as unknown as { $client?: Partial<Sql> }).$client;
	return client && typeof client.reserve === 'function' ? (client as Sql) : null;
}

export async function pipelinedTransaction<T>(db: Database, fn: (run: SqlRunner, db: Database) => Promise<PipelinedWork<T>>): Promise<T> {
	const pool = poolOf(db);
	if (!pool) {
		return db.transaction(async (t) => {
			const tx = t as unknown as Database;
			const run = preparedRunner(db, tx);
			const { result, writes } = await fn(run, tx);
			await runWrites(run, writes);
			return result;
		});
	}
	const connection = await pool.reserve();
	const run: SqlRunner = {
		execute(query) {
			const { sql, params } = dialect.sqlToQuery(query);
			// execute() queues it now, so statements reach the server in the order they were called.
			return connection.unsafe(sql, params as never[], { prepare: true }).execute();
		}
	};
	let open = true;
	let release = true;
	try {
		const began = connection.unsafe('begin').execute();
		began.catch(() => {}); // its failure fails every statement after it, which is what is awaited
		const { result, writes } = await fn(run, db);
		if (writes.length === 0) {
			// Nothing was written, so there is nothing for the COMMIT to confirm: the result is final
			// now, and the connection goes back to the pool once the transaction has ended.
			open = release = false;
			connection
				.unsafe('commit')
				.execute()
				.then(
					() => connection.release(),
					() => connection.release()
				);
			return result;
		}
		await Promise.all([...writes.map((statement) => run.execute(statement)), connection.unsafe('commit').execute()]);
		open = false;
		return result;
	} finally {
		// After a failure the transaction is aborted (a COMMIT in an aborted transaction rolls back).
		if (open) await connection.unsafe('rollback').catch(() => {});
		if (release) connection.release();
	}
}

/** Runs `writes` one after the other in a transaction the caller holds (what the pipeline does without one). */
export async function runWrites(tx: SqlRunner, writes: SQL[]): Promise<void> {
	for (const statement of writes) await tx.execute(statement);
}
