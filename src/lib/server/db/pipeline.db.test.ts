import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testDatabases } from '../../../../tests/databases';
import type { OpenDatabase } from './index';
import { pipelinedTransaction } from './pipeline';
import { queryRows } from './rows';
import { isUniqueViolation } from './errors';

describe.each(testDatabases())('a pipelined transaction on $name', ({ open }) => {
	let store: OpenDatabase;
	const rows = async () => (await queryRows<{ id: number; v: string }>(store.db, sql`select id, v from pipeline_probe order by id`)).map((r) => [Number(r.id), r.v]);
	beforeAll(async () => {
		store = await open();
		await store.db.execute(sql`create table pipeline_probe (id int primary key, v text not null)`);
	});
	afterAll(() => store.close());

	it('runs the reads and the writes in one transaction, the writes in the order given, and returns the result', async () => {
		await store.db.execute(sql`delete from pipeline_probe`);
		const result = await pipelinedTransaction(store.db, async (run) => {
			// A transaction-local setting made by a read is what the writes see: same transaction.
			const [[setting], [count]] = await Promise.all([
				queryRows<{ v: string }>(run, sql`select set_config('signalroom.probe', 'from the reads', true) as v`),
				queryRows<{ n: number }>(run, sql`select count(*)::int as n from pipeline_probe`)
			]);
			return {
				result: { setting: setting.v, count: Number(count.n) },
				writes: [
					sql`insert into pipeline_probe values (1, current_setting('signalroom.probe'))`,
					sql`update pipeline_probe set v = v || ', then updated' where id = 1`
				]
			};
		});
		expect(result).toEqual({ setting: 'from the reads', count: 0 });
		expect(await rows()).toEqual([[1, 'from the reads, then updated']]);
		// Committed, not left open: another transaction sees it and the setting is gone.
		const [after] = await queryRows<{ v: string | null }>(store.db, sql`select current_setting('signalroom.probe', true) as v`);
		expect(after.v ?? '').toBe('');
	});

	it('returns the result of a transaction that writes nothing, and gives every connection back', async () => {
		// More runs than the pool has connections: one not given back would leave a run waiting forever.
		for (let i = 0; i < 25; i++) {
			const got = await pipelinedTransaction(store.db, async (run) => {
				const [row] = await queryRows<{ n: number }>(run, sql`select ${i}::int + 1 as n`);
				return { result: Number(row.n), writes: [] };
			});
			expect(got).toBe(i + 1);
		}
		await store.db.execute(sql`delete from pipeline_probe`);
		await pipelinedTransaction(store.db, async () => ({ result: null, writes: [sql`insert into pipeline_probe values (1, 'after')`] }));
		expect(await rows()).toEqual([[1, 'after']]);
	});

	it('writes nothing when a later write fails, and reports that failure', async () => {
		await store.db.execute(sql`delete from pipeline_probe`);
		await store.db.execute(sql`insert into pipeline_probe values (7, 'kept')`);
		const attempt = pipelinedTransaction(store.db, async () => ({
			result: null,
			writes: [sql`insert into pipeline_probe values (8, 'first')`, sql`insert into pipeline_probe values (7, 'duplicate')`]
		}));
		const error = await attempt.then(() => null, (e: unknown) => e);
		expect(isUniqueViolation(error)).toBe(true);
		expect(await rows()).toEqual([[7, 'kept']]);
	});

	it('writes nothing when the work fails between its reads and its writes, and the connection stays usable', async () => {
		await store.db.execute(sql`delete from pipeline_probe`);
		const attempt = pipelinedTransaction(store.db, async (run) => {
			await run.execute(sql`insert into pipeline_probe values (3, 'read phase')`);
			throw new Error('planning failed');
		});
		await expect(attempt).rejects.toThrow('planning failed');
		expect(await rows()).toEqual([]);
		for (let i = 0; i < 12; i++) {
			await pipelinedTransaction(store.db, async () => ({ result: null, writes: [sql`insert into pipeline_probe values (${100 + i}::int, 'later')`] }));
		}
		expect((await rows()).length).toBe(12);
	});
});
