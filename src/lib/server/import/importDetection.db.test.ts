/**
 * Signal detection after a CSV import of activities commits: an import that completes a playbook
 * rule's pattern opens the hit at once; a dry run (rolled back) detects nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { testDatabases } from '../../../../tests/databases';
import { makeAccount, makeWorkspace } from '../../../../tests/factories';
import type { OpenDatabase } from '../db/index';
import { signalHit } from '../db/schema';
import { profileFile } from './profileFile';
import { preparePlan } from './preparePlan';
import { runImportFile } from './runImportFile';

const NOW = new Date('2026-06-01T12:00:00Z');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'import-detect-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe.each(testDatabases())('activities import then detection ($name)', ({ open }) => {
	let store: OpenDatabase;
	beforeAll(async () => {
		store = await open();
	});
	afterAll(() => store.close());

	it('an import of a third pricing visit within a day opens the hit; the dry run before it opens none', async () => {
		const ws = (await makeWorkspace(store.db)).id;
		const lead = await makeAccount(store.db, ws, { domain: 'lead.example' });
		await makeAccount(store.db, ws, { domain: 'calm.example' });
		const file = path.join(tmp, 'visits.csv');
		fs.writeFileSync(
			file,
			[
				'Activity type,When,Account domain',
				'pricing_visit,2026-06-01T07:00:00Z,lead.example',
				'pricing_visit,2026-06-01T09:00:00Z,lead.example',
				'pricing_visit,2026-06-01T11:00:00Z,lead.example',
				'pricing_visit,2026-06-01T11:00:00Z,calm.example'
			].join('\n')
		);
		const plan = preparePlan('activities', await profileFile(file));
		const hits = () => store.db.select().from(signalHit).where(and(eq(signalHit.workspaceId, ws), eq(signalHit.signalKey, 'pricing-page-repeat')));

		const dry = await runImportFile({ db: store.db, workspaceId: ws, filePath: file, plan, mode: 'dry_run', now: NOW });
		expect(dry.counts).toMatchObject({ created: 4, errors: 0 });
		expect(dry.accountsTouched).toBe(0);
		expect(await hits()).toEqual([]);

		const real = await runImportFile({ db: store.db, workspaceId: ws, filePath: file, plan, mode: 'import', now: NOW, batchSize: 2 });
		expect(real.counts).toMatchObject({ created: 4, errors: 0 });
		expect(real.accountsTouched).toBe(2);
		const opened = await hits();
		expect(opened.map((h) => h.accountId)).toEqual([lead.id]);
		expect(opened[0]).toMatchObject({ closedAt: null, firstFiredAt: new Date('2026-06-01T11:00:00Z') });
		expect(opened[0].evidence).toHaveLength(3);
	});
});
