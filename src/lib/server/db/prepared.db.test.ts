import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testDatabases } from '../../../../tests/databases';
import type { OpenDatabase } from './index';
import { PREPARED_MAX, preparedRunner } from './prepared';
import { queryRows } from './rows';
import { isUniqueViolation } from './errors';

describe.each(testDatabases())('prepared statements in a transaction on $name', ({ name, open }) => {
	let store: OpenDatabase;
	const rows = async () => (await queryRows<{ id: number; v: string }>(store.db, sql`select id, v from prepared_probe order by id`)).map((r) => [Number(r.id), r.v]);
	beforeAll(async () => {
		store = await open();
		await store.db.execute(sql`create table prepared_probe (id int primary key, v text, at timestamptz, doc jsonb)`);
	});
	afterAll(() => store.close());

	it('answers a statement run again with other values as a plain query does, values of every kind included', async () => {
		await store.db.execute(sql`delete from prepared_probe`);
		const insert = (id: number, v: string | null, at: string | null, doc: object) =>
			sql`insert into prepared_probe values (${id}::int, ${v}::text, ${at}::timestamptz, ${JSON.stringify(doc)}::jsonb)`;
		const read = (ids: number[]) => sql`select id, v, at, array[at] as ats, doc from prepared_probe where id = any(${`{${ids.join(',')}}`}::int[]) order by id`;
		const viaRunner = await store.db.transaction(async (tx) => {
			const run = preparedRunner(store.db, tx);
			await run.execute(insert(1, 'it’s "quoted", with a comma', '2026-03-04T10:00:00Z', { tags: ['a'], n: 1 }));
			await run.execute(insert(2, null, null, { nested: { ok: true } }));
			return [await queryRows(run, read([1])), await queryRows(run, read([1, 2]))];
		});
		const plain = [await queryRows(store.db, read([1])), await queryRows(store.db, read([1, 2]))];
		expect(viaRunner).toEqual(plain);
		expect(viaRunner[1]).toHaveLength(2);
		expect(viaRunner[1][0]).toMatchObject({ id: 1, v: 'it’s "quoted", with a comma', doc: { tags: ['a'], n: 1 } });
		expect(viaRunner[1][1]).toMatchObject({ id: 2, v: null, at: null });
	});

	it('writes inside the caller’s transaction: a rollback undoes them', async () => {
		await store.db.execute(sql`delete from prepared_probe`);
		const attempt = store.db.transaction(async (tx) => {
			await preparedRunner(store.db, tx).execute(sql`insert into prepared_probe (id, v) values (${5}::int, ${'gone'}::text)`);
			throw new Error('changed my mind');
		});
		await expect(attempt).rejects.toThrow('changed my mind');
		expect(await rows()).toEqual([]);
	});

	it('reports a failing statement with its SQLSTATE, and the statement works again in the next transaction', async () => {
		await store.db.execute(sql`delete from prepared_probe`);
		await store.db.execute(sql`insert into prepared_probe (id, v) values (7, 'kept')`);
		const insert = (id: number) => sql`insert into prepared_probe (id, v) values (${id}::int, ${'new'}::text)`;
		const error = await store.db
			.transaction(async (tx) => {
				const run = preparedRunner(store.db, tx);
				await run.execute(insert(8));
				await run.execute(insert(7));
			})
			.then(() => null, (e: unknown) => e);
		expect(isUniqueViolation(error)).toBe(true);
		expect(await rows()).toEqual([[7, 'kept']]);
		await store.db.transaction(async (tx) => void (await preparedRunner(store.db, tx).execute(insert(9))));
		expect(await rows()).toEqual([[7, 'kept'], [9, 'new']]);
	});

	it('keeps at most a bounded number of statements prepared, however many distinct ones run', async () => {
		const results = await store.db.transaction(async (tx) => {
			const run = preparedRunner(store.db, tx);
			const out: number[] = [];
			for (let i = 0; i < PREPARED_MAX + 20; i++) {
				const [row] = await queryRows<{ n: number }>(run, sql.raw(`select ${i} + 1 as n`));
				out.push(Number(row.n));
			}
			// The first ones were closed to make room; they still run (prepared again).
			const [again] = await queryRows<{ n: number }>(run, sql.raw(`select 0 + 1 as n`));
			out.push(Number(again.n));
			return out;
		});
		expect(results).toEqual([...Array.from({ length: PREPARED_MAX + 20 }, (_, i) => i + 1), 1]);
		if (name === 'pglite') {
			const [{ n }] = await queryRows<{ n: number }>(store.db, sql`select count(*)::int as n from pg_prepared_statements where name like 'signalroom_%'`);
			expect(n).toBeLessThanOrEqual(PREPARED_MAX);
			expect(n).toBeGreaterThan(0);
		}
	});

});

describe('prepared statements on PGlite', () => {
	it('refuses a parameter it cannot send as text, saying which kinds it takes', async () => {
		const store = await testDatabases()
			.find((d) => d.name === 'pglite')!
			.open();
		try {
			const attempt = store.db.transaction(async (tx) => void (await preparedRunner(store.db, tx).execute(sql`select ${{ a: 1 }}::jsonb as doc`)));
			await expect(attempt).rejects.toThrow(/must be a string, number, boolean or null, not object/);
		} finally {
			await store.close();
		}
	});
});
