import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { testDatabases } from '../../../tests/databases';
import { makeWorkspace } from '../../../tests/factories';
import type { OpenDatabase } from './db/index';
import { contact } from './db/schema';
import { exportColumns, exportRecords } from './exportRecords';
import { csvLine } from '../domain/import/csvCell';
import { upsertAccounts, upsertContacts } from './crmUpsert/index';
import { profileFile } from './import/profileFile';
import { preparePlan } from './import/preparePlan';
import { runImportFile } from './import/runImportFile';

describe.each(testDatabases())('CSV export on $name', ({ open }) => {
	let store: OpenDatabase;
	beforeAll(async () => {
		store = await open();
	});
	afterAll(() => store.close());

	it("exports only the workspace's records, formula-safe, and the file imports back into another workspace", async () => {
		const ws = (await makeWorkspace(store.db)).id;
		const other = (await makeWorkspace(store.db)).id;
		const acct = { externalId: 'A1', name: '=cmd|"/c calc"!A1', domain: 'acme.com', industry: null, size: null, lifecycle: null, plan: null, arr: null };
		await upsertAccounts(store.db, ws, [acct]);
		await upsertContacts(store.db, ws, [
			{ externalId: 'p1', firstName: '@Ann', lastName: 'Lee', email: 'ann@acme.com', title: '+VP', lifecycle: 'sql', account: { externalId: 'A1', domain: null, name: null } },
			{ externalId: 'p2', firstName: 'Bo', lastName: '', email: null, title: 'Ops,\n"night"', lifecycle: null, account: null }
		]);
		await upsertContacts(store.db, other, [{ externalId: 'x', firstName: 'Not mine', lastName: '', email: null, title: null, lifecycle: null, account: null }]);

		const rows: unknown[][] = [];
		for await (const page of exportRecords(store.db, ws, 'contacts', 1)) rows.push(...page);
		expect(rows.map((r) => r[2])).toEqual(expect.arrayContaining(['@Ann', 'Bo']));
		expect(rows).toHaveLength(2);
		const text = csvLine(exportColumns('contacts')) + rows.map(csvLine).join('');
		expect(text).toContain(",'@Ann,");
		expect(text).toContain(",'+VP,");
		expect(text).not.toMatch(/(^|,)[=+@-]/m);

		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'export-test-'));
		const file = path.join(dir, 'contacts.csv');
		fs.writeFileSync(file, text);
		const copy = (await makeWorkspace(store.db)).id;
		await upsertAccounts(store.db, copy, [acct]);
		const plan = preparePlan('contacts', await profileFile(file));
		expect(plan.preset).toBe('generic');
		const result = await runImportFile({ db: store.db, workspaceId: copy, filePath: file, plan, mode: 'import' });
		fs.rmSync(dir, { recursive: true, force: true });
		expect(result.counts).toMatchObject({ created: 2, errors: 0 });
		const copied = await store.db.select().from(contact).where(eq(contact.workspaceId, copy)).orderBy(contact.externalId);
		expect(copied.map((c) => [c.externalId, c.firstName, c.title, c.lifecycle, c.accountId !== null])).toEqual([
			['p1', '@Ann', '+VP', 'sql', true],
			['p2', 'Bo', 'Ops,\n"night"', 'subscriber', false]
		]);
	});
});
