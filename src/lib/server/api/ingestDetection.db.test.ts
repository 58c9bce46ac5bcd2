/**
 * Signal detection after an ingest batch commits: a batch that completes a playbook rule's pattern
 * opens the hit at once (no waiting for the sweep); a replayed batch runs nothing again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { testDatabases } from '../../../../tests/databases';
import { makeAccount, makeWorkspace } from '../../../../tests/factories';
import type { OpenDatabase } from '../db/index';
import { signalHit } from '../db/schema';
import { ingestActivityBatch } from './ingestActivities';

const NOW = new Date('2026-06-01T12:00:00Z');
const at = (hoursAgo: number) => new Date(NOW.getTime() - hoursAgo * 3_600_000).toISOString();

describe.each(testDatabases())('ingest then detection ($name)', ({ open }) => {
	let store: OpenDatabase;
	beforeAll(async () => {
		store = await open();
	});
	afterAll(() => store.close());

	it('a batch that completes "pricing page three times in a day" opens the hit for that account only', async () => {
		const ws = (await makeWorkspace(store.db)).id;
		const lead = await makeAccount(store.db, ws, { externalId: 'lead-1' });
		const calm = await makeAccount(store.db, ws, { externalId: 'calm-1' });
		const activities = [
			{ type: 'pricing_visit' as const, occurredAt: at(5), accountExternalId: 'lead-1' },
			{ type: 'pricing_visit' as const, occurredAt: at(3), accountExternalId: 'lead-1' },
			{ type: 'pricing_visit' as const, occurredAt: at(1), accountExternalId: 'lead-1' },
			{ type: 'pricing_visit' as const, occurredAt: at(1), accountExternalId: 'calm-1' }
		];
		const result = await ingestActivityBatch(store.db, ws, { key: 'k-1', fingerprint: 'f-1', activities }, NOW);
		expect(result).toMatchObject({ status: 201, replayed: false, body: { inserted: 4 } });
		// Detection runs in the background after the response; wait for the run covering this batch.
		await result.detection;
		const hits = await store.db
			.select()
			.from(signalHit)
			.where(and(eq(signalHit.workspaceId, ws), eq(signalHit.signalKey, 'pricing-page-repeat')));
		expect(hits.map((h) => h.accountId)).toEqual([lead.id]);
		expect(hits[0]).toMatchObject({ closedAt: null, firstFiredAt: new Date(at(1)) });
		expect(hits[0].evidence).toHaveLength(3);
		expect(hits.some((h) => h.accountId === calm.id)).toBe(false);

		const replay = await ingestActivityBatch(store.db, ws, { key: 'k-1', fingerprint: 'f-1', activities }, NOW);
		expect(replay.replayed).toBe(true);
		expect(await store.db.select().from(signalHit).where(eq(signalHit.workspaceId, ws))).toHaveLength(1);
	});

	it('detects batches that arrive while a run is going in the next run, together', async () => {
		const ws = (await makeWorkspace(store.db)).id;
		const names = ['a-1', 'a-2', 'a-3'];
		const accounts = await Promise.all(names.map((externalId) => makeAccount(store.db, ws, { externalId })));
		const burst = (externalId: string) => [5, 3, 1].map((h) => ({ type: 'pricing_visit' as const, occurredAt: at(h), accountExternalId: externalId }));
		// Three batches back to back, none waiting for detection.
		const results = [];
		for (const [i, name] of names.entries()) results.push(await ingestActivityBatch(store.db, ws, { key: `b-${i}`, fingerprint: `f-${i}`, activities: burst(name) }, NOW));
		await Promise.all(results.map((r) => r.detection));
		const hits = await store.db
			.select()
			.from(signalHit)
			.where(and(eq(signalHit.workspaceId, ws), eq(signalHit.signalKey, 'pricing-page-repeat')));
		expect(hits.map((h) => h.accountId).sort()).toEqual(accounts.map((a) => a.id).sort());
	});
});
