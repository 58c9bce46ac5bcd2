/** Weekly trend counts from stored hits: per signal, family and segment, inside one workspace. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../../tests/databases';
import { makeAccount, makeWorkspace } from '../../../../tests/factories';
import type { Database, OpenDatabase } from '../db/index';
import { signalHit } from '../db/schema';
import { loadTrendTable } from './trendTable';

const NOW = new Date('2026-03-18T12:00:00Z'); // a Wednesday: weeks of Mar 2, 9, 16

describe.each(testDatabases())('signal trends ($name)', ({ open }) => {
	let opened: OpenDatabase;
	let db: Database;
	let ws: string;
	let other: string;

	async function hit(workspaceId: string, accountId: string, signalKey: string, at: string, closed = false) {
		await db.insert(signalHit).values({
			workspaceId,
			accountId,
			signalKey,
			firstFiredAt: new Date(at),
			lastFiredAt: new Date(at),
			closedAt: closed ? new Date(at) : null,
			revision: 1
		});
	}

	beforeAll(async () => {
		opened = await open();
		db = opened.db;
		ws = (await makeWorkspace(db)).id;
		other = (await makeWorkspace(db, 'Other')).id;
		const lead = (await makeAccount(db, ws, { lifecycle: 'lead', plan: null, industry: 'Retail' })).id;
		const customer = (await makeAccount(db, ws, { lifecycle: 'customer', plan: 'pro', industry: 'Retail' })).id;
		await hit(ws, lead, 'pricing-page-repeat', '2026-03-02T00:00:00Z', true); // Monday 00:00: that week
		await hit(ws, lead, 'pricing-page-repeat', '2026-03-08T23:59:59Z', true); // Sunday: still that week
		await hit(ws, lead, 'pricing-page-repeat', '2026-03-10T09:00:00Z');
		await hit(ws, customer, 'login-silence', '2026-03-16T09:00:00Z');
		await hit(ws, customer, 'urgent-ticket', '2026-03-17T09:00:00Z');
		await hit(ws, customer, 'urgent-ticket', '2026-02-20T09:00:00Z', true); // before the weeks asked for
		// Another workspace's hits in the same weeks never show.
		const theirs = (await makeAccount(db, other, { lifecycle: 'lead' })).id;
		await hit(other, theirs, 'pricing-page-repeat', '2026-03-03T09:00:00Z');
		await hit(other, theirs, 'login-silence', '2026-03-17T09:00:00Z');
	});
	afterAll(async () => opened?.close());

	it('counts hits per signal per week, named as the playbook names them', async () => {
		const t = await loadTrendTable(db, ws, { view: 'signal', segment: 'lifecycle', weeks: 3, family: null }, NOW);
		expect(t.weeks).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
		expect(t.series.map((s) => [s.label, s.values])).toEqual([
			['Pricing page viewed again and again', [2, 1, 0]],
			['Nobody has logged in for three weeks', [0, 0, 1]],
			['Urgent ticket', [0, 0, 1]]
		]);
	});

	it('groups the same hits per family and per segment', async () => {
		const families = await loadTrendTable(db, ws, { view: 'family', segment: 'lifecycle', weeks: 3, family: null }, NOW);
		expect(families.series.map((s) => [s.key, s.values])).toEqual([
			['buying', [2, 1, 0]],
			['churn-risk', [0, 0, 1]],
			['upsell', [0, 0, 0]],
			['support-gap', [0, 0, 1]]
		]);
		const plans = await loadTrendTable(db, ws, { view: 'segment', segment: 'plan', weeks: 3, family: null }, NOW);
		expect(plans.series.map((s) => [s.label, s.values])).toEqual([
			['(none)', [2, 1, 0]],
			['pro', [0, 0, 2]]
		]);
		// Five weeks reach back to the week of Feb 16, which holds the older urgent ticket.
		const lifecycle = await loadTrendTable(db, ws, { view: 'segment', segment: 'lifecycle', weeks: 5, family: null }, NOW);
		expect(lifecycle.series.map((s) => [s.label, s.total])).toEqual([
			['customer', 3],
			['lead', 3]
		]);
	});

	it('narrows a segment view to one family’s signals', async () => {
		const t = await loadTrendTable(db, ws, { view: 'segment', segment: 'lifecycle', weeks: 3, family: 'buying' }, NOW);
		expect(t.series.map((s) => [s.label, s.values])).toEqual([['lead', [2, 1, 0]]]);
	});

	it('never counts another workspace’s hits', async () => {
		const t = await loadTrendTable(db, other, { view: 'signal', segment: 'lifecycle', weeks: 3, family: null }, NOW);
		expect(t.totals).toEqual([1, 0, 1]);
	});
});
