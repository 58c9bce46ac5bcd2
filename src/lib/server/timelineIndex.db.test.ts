import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testDatabases } from '../../../tests/databases';
import type { OpenDatabase } from './db/index';
import { queryRows } from './db/rows';
import { listTimeline, timelineStatement } from './timeline';
import { seedDemoWorkspace } from './demo/seedDemoWorkspace';
import { HEAVY_ACCOUNT_EXTERNAL_ID } from './demo/planAccounts';

/**
 * The timeline must be read in index order: if ORDER BY and activity_timeline_idx disagree (e.g.
 * NULLS FIRST vs NULLS LAST), PostgreSQL sorts every event of the account on each page.
 */
describe.each(testDatabases())('timeline index use on $name', ({ open }) => {
	let store: OpenDatabase;
	let workspaceId: string;
	let accountId: string;
	const plan = async (after: { occurredAt: Date; id: number } | null) => {
		const rows = await queryRows<Record<string, string>>(
			store.db,
			sql`explain ${timelineStatement(store.db, workspaceId, accountId, { after, limit: 100 })}`
		);
		return rows.map((r) => Object.values(r)[0]).join('\n');
	};

	beforeAll(async () => {
		store = await open();
		const now = new Date('2026-03-02T12:00:00Z');
		const demo = await seedDemoWorkspace(store.db, {
			now,
			slug: 'timeline-plan',
			accounts: 40,
			activities: 8_000,
			heavyAccountActivities: 5_000
		});
		workspaceId = demo.workspaceId;
		const [row] = await queryRows<{ id: string }>(
			store.db,
			sql`select id from account where workspace_id = ${workspaceId} and external_id = ${HEAVY_ACCOUNT_EXTERNAL_ID}`
		);
		accountId = row.id;
	});
	afterAll(() => store?.close());

	it('walks activity_timeline_idx without sorting, on the first page and deep pages', async () => {
		const first = await listTimeline(store.db, workspaceId, accountId, { limit: 100 });
		let deep = first.next;
		for (let page = 2; page < 30 && deep; page++)
			deep = (await listTimeline(store.db, workspaceId, accountId, { after: deep, limit: 100 })).next;
		expect(deep).not.toBeNull();
		for (const text of [await plan(null), await plan(deep)]) {
			expect(text).toContain('activity_timeline_idx');
			expect(text).not.toMatch(/\bSort\b/);
		}
	});
});
