/**
 * Dates the database cannot store (year 0000, years past 9999) or that V8 rolls over (2026-02-30)
 * sent to the real page loads and form actions: pages fall back to their defaults with a note,
 * actions answer 400 with the field's message, and nothing reaches PostgreSQL (calendarDate.ts).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDatabases } from '../../../../tests/databases';
import { makeAccount, makeActivities, makeUser, makeWorkspace } from '../../../../tests/factories';
import type { Database, OpenDatabase } from '$lib/server/db/index';
import { activity, deal, practiceSession, task } from '$lib/server/db/schema';
import { saveSmartList } from '$lib/server/commands/saveSmartList';
import { encodeCursor } from '$lib/domain/crm/timelineCursor';

let current: Database;
vi.mock('$lib/server/db/app', () => ({ useDatabase: async () => current }));

const kpis = await import('./kpis/+page.server');
const practiceCsv = await import('./kpis/practice.csv/+server');
const trendReview = await import('./trend-review/+page.server');
const audit = await import('./data/audit/+page.server');
const smartList = await import('./lists/[id]/+page.server');
const accountPage = await import('./accounts/[id]/+page.server');
const timelineJson = await import('./accounts/[id]/timeline/+server');
const newDeal = await import('./deals/new/+page.server');
const newSession = await import('./sessions/new/+page.server');

type Anything = never;

describe.each(testDatabases())('date inputs on pages and forms ($name)', ({ open }) => {
	let store: OpenDatabase;
	let slug: string;
	let ws: string;
	let userId: string;
	let accountId: string;
	const event = (path: string, params: Record<string, string>, form?: Record<string, string>) => {
		const url = new URL(`http://localhost/w/${slug}${path}`);
		const request = form ? new Request(url, { method: 'POST', body: new URLSearchParams(form) }) : new Request(url);
		return { url, params: { workspace: slug, ...params }, locals: { user: { id: userId } }, request, setHeaders: () => {}, depends: () => {} } as Anything;
	};
	const failure = (result: unknown) => result as { status: number; data: Record<string, unknown> };

	beforeAll(async () => {
		store = await open();
		current = store.db;
		const w = await makeWorkspace(store.db);
		[slug, ws] = [w.slug, w.id];
		userId = (await makeUser(store.db, { workspaceId: ws, role: 'owner' })).id;
		accountId = (await makeAccount(store.db, ws, { name: 'Abshire and Sons' })).id;
		await makeActivities(store.db, ws, accountId, [
			{ type: 'call_logged', at: '1955-07-01T12:00:00Z' },
			{ type: 'call_logged', at: '2026-01-05T10:00:00Z' }
		]);
	});
	afterAll(() => store.close());

	it('KPI page, its CSV and the trend review fall back to the default months with a note', async () => {
		for (const [from, to] of [['0000-01', '0000-12'], ['9999-01', '9999-12']]) {
			const page = (await kpis.load(event(`/kpis?from=${from}&to=${to}`, {}))) as { problems: string[]; query: { from: string } };
			expect(page.problems[0]).toMatch(/is not a month: use YYYY-MM with a year between 1900 and 2999/);
			expect(page.query.from >= '1900-01').toBe(true);
			const csv = await practiceCsv.GET(event(`/kpis/practice.csv?from=${from}&to=${to}`, {}));
			expect(csv.status).toBe(200);
			const review = (await trendReview.load(event(`/trend-review?from=${from}&to=${to}`, {}))) as { problems: string[] };
			expect(review.problems[0]).toMatch(/is not a month/);
		}
		const edge = (await trendReview.load(event('/trend-review?from=2999-01&to=2999-12', {}))) as { problems: string[] };
		expect(edge.problems).toEqual([]);
		expect(((await kpis.load(event('/kpis?from=1900-01&to=1900-12', {}))) as { problems: string[] }).problems).toEqual([]);
	});

	it('refuses a KPI cost for a month out of range with the field message', async () => {
		for (const month of ['0000-01', '9999-12']) {
			const result = failure(await kpis.actions.cost(event('/kpis', {}, { month, amount: '5' })));
			expect(result.status).toBe(400);
			expect(result.data.costErrors).toEqual({ month: 'Enter the month as YYYY-MM, e.g. 2026-03, with a year between 1900 and 2999.' });
		}
	});

	it('audit log: out-of-range and rolled-over days are explained and not applied', async () => {
		for (const query of ['from=0000-01-01', 'to=9999-12-31', 'from=2026-02-30&to=2026-02-31']) {
			const page = (await audit.load(event(`/data/audit?${query}`, {}))) as { filterErrors: Record<string, string> };
			expect(Object.values(page.filterErrors)[0], query).toMatch(/as a real date between 1900 and 2999 \(YYYY-MM-DD\)\.$/);
		}
		expect(((await audit.load(event('/data/audit?from=1900-01-01&to=2999-12-31', {}))) as { filterErrors: object }).filterErrors).toEqual({});
	});

	it('smart list: a bad since date shows changes since 30 days ago with a note', async () => {
		const saved = await saveSmartList(store.db, ws, userId, { name: 'Customers', filters: { lifecycle: ['customer'] } });
		if (!saved.ok) throw new Error('could not save the smart list');
		for (const since of ['0000-01-01', '9999-99-99', '2026-02-30']) {
			const page = (await smartList.load(event(`/lists/${saved.id}?since=${since}`, { id: saved.id }))) as { since: { problem: string | null } };
			expect(page.since.problem, since).toMatch(/is not a real date between 1900 and 2999/);
		}
	});

	it('a timeline cursor far in the future shows page one; one before 1970 pages on', async () => {
		const newest = (await accountPage.load(event(`/accounts/${accountId}`, { id: accountId }))) as { timeline: { items: { id: number }[] } };
		const far = (await accountPage.load(event(`/accounts/${accountId}?before=zzzzzzzzzz.1`, { id: accountId }))) as typeof newest;
		expect(far.timeline.items.map((i) => i.id)).toEqual(newest.timeline.items.map((i) => i.id));
		const more = await timelineJson.GET(event(`/accounts/${accountId}/timeline?before=zzzzzzzzzz.1`, { id: accountId }));
		expect(((await more.json()) as { items: unknown[] }).items).toHaveLength(2);
		const before1960 = encodeCursor({ occurredAt: new Date('1960-01-01T00:00:00Z'), id: 1 });
		expect(before1960.startsWith('-')).toBe(true);
		const old = (await accountPage.load(event(`/accounts/${accountId}?before=${before1960}`, { id: accountId }))) as typeof newest;
		expect(old.timeline.items).toHaveLength(1);
	});

	it('deal, task, activity and session forms answer 400 with the field message and save nothing', async () => {
		const dealResult = failure(await newDeal.actions.default(event('/deals/new', {}, { name: 'QA', accountId, stage: 'qualification', openedOn: '0000-01-01' })));
		expect([dealResult.status, (dealResult.data.errors as Record<string, string>).openedOn]).toEqual([400, 'Enter the date the deal opened as a real date between 1900 and 2999, like 2026-03-31.']);
		expect(await store.db.$count(deal, eq(deal.workspaceId, ws))).toBe(0);

		const taskResult = failure(await accountPage.actions.addTask(event(`/accounts/${accountId}`, { id: accountId }, { title: 'QA task', dueOn: '0000-01-01' })));
		expect([taskResult.status, (taskResult.data.errors as Record<string, string>).dueOn]).toEqual([400, 'Enter the due date as a real date between 1900 and 2999, like 2026-03-31.']);
		expect(await store.db.$count(task, eq(task.workspaceId, ws))).toBe(0);

		for (const occurredAt of ['0000-01-01T00:00', '2026-02-30T10:00']) {
			const result = failure(await accountPage.actions.logActivity(event(`/accounts/${accountId}`, { id: accountId }, { type: 'call_logged', summary: 'QA', occurredAt })));
			expect([result.status, (result.data.errors as Record<string, string>).occurredAt], occurredAt).toEqual([400, 'Enter when it happened as a real date and time between 1900 and 2999, like 2026-03-31 14:30.']);
		}
		expect(await store.db.$count(activity, eq(activity.workspaceId, ws))).toBe(2);

		const sessionForm = { title: 'QA', objective: 'o', facilitatorId: userId, 'item-0-title': 'Item', 'item-0-minutes': '10', scheduledAt: '0000-01-01T10:00' };
		const sessionResult = failure(await newSession.actions.default(event('/sessions/new', {}, sessionForm)));
		expect([sessionResult.status, sessionResult.data.field, sessionResult.data.message]).toEqual([400, 'scheduledAt', 'Pick a real date and time for the session, between 1900 and 2999 (ISO 8601, like 2026-03-04T10:00:00Z).']);
		expect(await store.db.$count(practiceSession, eq(practiceSession.workspaceId, ws))).toBe(0);
	});
});
