import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../tests/databases';
import { makeAccount, makeWorkspace } from '../../../tests/factories';
import type { OpenDatabase } from './db/index';
import { listAccountsByIds, resolveAccountNames, searchAccounts } from './accountSearch';

describe.each(testDatabases())('account pickers on $name', ({ open }) => {
	let store: OpenDatabase;
	let ws: string;
	let other: string;
	const ids: Record<string, string> = {};
	beforeAll(async () => {
		store = await open();
		ws = (await makeWorkspace(store.db)).id;
		other = (await makeWorkspace(store.db)).id;
		for (const [key, name, domain] of [
			['northwind', 'Northwind Traders', 'northwind.example'],
			['acme', 'Acme Corp', 'acme.example'],
			['acmeLabs', 'Labs of Acme', 'acmelabs.example'],
			['percent', '100% Uptime', 'uptime.example'],
			['twin1', 'Twin Co', 'twin-one.example'],
			['twin2', 'Twin Co', 'twin-two.example']
		] as const) {
			ids[key] = (await makeAccount(store.db, ws, { name, domain })).id;
		}
		ids.theirs = (await makeAccount(store.db, other, { name: 'Acme Elsewhere', domain: 'acme-else.example' })).id;
	});
	afterAll(() => store.close());

	it('finds accounts by name or domain, names that start with the text first, never another workspace’s', async () => {
		expect((await searchAccounts(store.db, ws, 'acme')).map((a) => a.name)).toEqual(['Acme Corp', 'Labs of Acme']);
		expect((await searchAccounts(store.db, ws, 'NORTHWIND.EX')).map((a) => a.id)).toEqual([ids.northwind]);
		expect((await searchAccounts(store.db, ws, '0%')).map((a) => a.name)).toEqual(['100% Uptime']);
		expect(await searchAccounts(store.db, ws, '_')).toEqual([]);
		expect(await searchAccounts(store.db, ws, '   ')).toEqual([]);
		expect((await searchAccounts(store.db, ws, 'a', 2)).length).toBe(2);
		expect((await searchAccounts(store.db, other, 'acme')).map((a) => a.name)).toEqual(['Acme Elsewhere']);
		expect(await searchAccounts(store.db, ws, 'elsewhere')).toEqual([]);
	});

	it('names chosen accounts by id, leaving out ids from another workspace', async () => {
		const named = await listAccountsByIds(store.db, ws, [ids.northwind, ids.theirs, ids.acme]);
		expect(named.map((a) => [a.name, a.domain, a.lifecycle])).toEqual([
			['Acme Corp', 'acme.example', 'lead'],
			['Northwind Traders', 'northwind.example', 'lead']
		]);
	});

	it('resolves typed names or domains exactly, and says which one did not match or matched several', async () => {
		const ok = await resolveAccountNames(store.db, ws, [' acme corp ', 'NORTHWIND.example', 'Acme Corp', '']);
		expect(ok).toEqual({ ok: true, accounts: [expect.objectContaining({ id: ids.acme }), expect.objectContaining({ id: ids.northwind })] });
		expect(await resolveAccountNames(store.db, ws, ['Acme'])).toEqual({ ok: false, message: expect.stringContaining('No account is named “Acme”') });
		expect(await resolveAccountNames(store.db, ws, ['Acme Elsewhere'])).toMatchObject({ ok: false });
		expect(await resolveAccountNames(store.db, ws, ['twin co'])).toEqual({ ok: false, message: expect.stringContaining('twin-one.example, twin-two.example') });
		expect(await resolveAccountNames(store.db, ws, ['twin-two.example'])).toEqual({ ok: true, accounts: [expect.objectContaining({ id: ids.twin2 })] });
	});
});
