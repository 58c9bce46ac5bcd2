import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../tests/databases';
import { makeAccount, makeActivities, makeWorkspace } from '../../../tests/factories';
import type { OpenDatabase } from './db/index';
import { listTimeline } from './timeline';
import type { ActivityType } from '../domain/crm/activityTypes';

describe.each(testDatabases())('account timeline on $name', ({ open }) => {
	let store: OpenDatabase;
	let workspaceId: string;
	let accountId: string;
	let ids: number[];
	beforeAll(async () => {
		store = await open();
		workspaceId = (await makeWorkspace(store.db)).id;
		accountId = (await makeAccount(store.db, workspaceId)).id;
		// 23 events: several share one timestamp, so paging must break ties by id.
		const types: ActivityType[] = ['web_visit', 'ticket_opened', 'email_opened', 'call_logged'];
		const events = Array.from({ length: 23 }, (_, i) => ({
			type: types[i % 4],
			at: new Date(Date.UTC(2026, 0, 1 + Math.floor(i / 3), 9, 0, 0)),
			properties: { n: i }
		}));
		ids = (await makeActivities(store.db, workspaceId, accountId, events)).map((r) => r.id);
		// Noise on another account and in another workspace must never show up.
		await makeActivities(store.db, workspaceId, (await makeAccount(store.db, workspaceId)).id, [{ type: 'web_visit', at: '2026-01-05T00:00:00Z' }]);
		const other = await makeWorkspace(store.db);
		await makeActivities(store.db, other.id, (await makeAccount(store.db, other.id)).id, [{ type: 'web_visit', at: '2026-01-05T00:00:00Z' }]);
	});
	afterAll(() => store.close());

	it('pages newest first with no gaps and no repeats, ties broken by id', async () => {
		const seen: number[] = [];
		let after = null;
		let pages = 0;
		do {
			const page = await listTimeline(store.db, workspaceId, accountId, { after, limit: 5 });
			seen.push(...page.items.map((i) => i.id));
			after = page.next;
			pages++;
		} while (after);
		expect(pages).toBe(5);
		expect(seen).toHaveLength(23);
		expect(new Set(seen).size).toBe(23);
		const expected = [...ids].sort((a, b) => b - a); // same-day events were inserted in time order
		expect(seen).toEqual(expected);
	});

	it('says there is nothing older on the last page', async () => {
		const page = await listTimeline(store.db, workspaceId, accountId, { limit: 23 });
		expect(page.items).toHaveLength(23);
		expect(page.next).toBeNull();
	});

	it('filters by activity type and by department, and pages within the filter', async () => {
		const tickets = await listTimeline(store.db, workspaceId, accountId, { types: ['ticket_opened'], limit: 3 });
		expect(tickets.items.every((i) => i.type === 'ticket_opened')).toBe(true);
		const rest = await listTimeline(store.db, workspaceId, accountId, { types: ['ticket_opened'], after: tickets.next, limit: 10 });
		expect(tickets.items.length + rest.items.length).toBe(6);
		const sales = await listTimeline(store.db, workspaceId, accountId, { departments: ['sales'] });
		expect(sales.items.map((i) => i.type)).toEqual(Array(5).fill('call_logged'));
	});

	it('returns nothing for the account when asked from another workspace', async () => {
		const other = await makeWorkspace(store.db);
		const page = await listTimeline(store.db, other.id, accountId);
		expect(page.items).toEqual([]);
	});
});
