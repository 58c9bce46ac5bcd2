/**
 * Detection after a committed write: the touched accounts only, a workspace sweep past 500 touched
 * accounts, and a failure logged instead of thrown (the write is already saved).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { testDatabases } from '../../../../tests/databases';
import { makeAccount, makeActivities, makeWorkspace } from '../../../../tests/factories';
import type { OpenDatabase } from '../db/index';
import { account, signalHit } from '../db/schema';
import { SWEEP_AFTER_ACCOUNTS, detectTouchedAccounts } from './detectTouched';

const NOW = new Date('2026-06-01T12:00:00Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);

describe.each(testDatabases())('detection after a write ($name)', ({ open }) => {
	let store: OpenDatabase;
	beforeAll(async () => {
		store = await open();
	});
	afterAll(() => store.close());

	async function twoBurstingLeads() {
		const ws = (await makeWorkspace(store.db)).id;
		const [a, b] = [await makeAccount(store.db, ws), await makeAccount(store.db, ws)];
		for (const acc of [a, b]) await makeActivities(store.db, ws, acc.id, [1, 2, 3].map((h) => ({ type: 'pricing_visit' as const, at: hoursAgo(h) })));
		const hitAccounts = async () =>
			(await store.db.select().from(signalHit).where(and(eq(signalHit.workspaceId, ws), eq(signalHit.signalKey, 'pricing-page-repeat')))).map((h) => h.accountId).sort();
		return { ws, a, b, hitAccounts };
	}

	it('evaluates only the touched accounts, up to the threshold', async () => {
		const { ws, a, hitAccounts } = await twoBurstingLeads();
		expect(await detectTouchedAccounts(store.db, ws, [a.id, a.id], { now: NOW, source: 'a test' })).toMatchObject({ opened: 1 });
		expect(await hitAccounts()).toEqual([a.id]);
	});

	it(`sweeps the whole workspace when more than ${SWEEP_AFTER_ACCOUNTS} accounts were touched`, async () => {
		const { ws, a, b, hitAccounts } = await twoBurstingLeads();
		const many = await store.db
			.insert(account)
			.values(Array.from({ length: SWEEP_AFTER_ACCOUNTS }, (_, i) => ({ workspaceId: ws, name: `Quiet ${i}` })))
			.returning({ id: account.id });
		// b is not among the touched accounts, yet the sweep finds it.
		await detectTouchedAccounts(store.db, ws, [a.id, ...many.map((m) => m.id)], { now: NOW, source: 'a test' });
		expect(await hitAccounts()).toEqual([a.id, b.id].sort());
	});

	it('logs a failure instead of throwing it', async () => {
		const { ws } = await twoBurstingLeads();
		const log = vi.spyOn(console, 'error').mockImplementation(() => {});
		try {
			expect(await detectTouchedAccounts(store.db, ws, ['not-a-uuid'], { now: NOW, source: 'a test' })).toBeNull();
			expect(log).toHaveBeenCalledWith(expect.stringContaining('Signal detection after a test failed'), expect.any(Error));
		} finally {
			log.mockRestore();
		}
	});
});
