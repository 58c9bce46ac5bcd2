/**
 * Numbers past PostgreSQL's integer columns and rules too deep (or holding a NUL) sent to the real
 * page loads and form actions. Each gave a 500; now a number no row can have answers like a
 * well-formed missing one (the same 404 or 400), ARR past the largest amount is a field error,
 * and every rule surface shows the rule language's own message (storedNumbers.ts, ruleSize.ts).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDatabases } from '../../../../tests/databases';
import { makeUser, makeWorkspace } from '../../../../tests/factories';
import type { Database, OpenDatabase } from '$lib/server/db/index';
import { account, playbookProposal, smartList } from '$lib/server/db/schema';
import { getCurrentRevision } from '$lib/server/playbook/revisions';
import { createProposal } from '$lib/server/playbook/proposals';

let current: Database;
vi.mock('$lib/server/db/app', () => ({ useDatabase: async () => current }));

const section = await import('./playbook/[slug]/+page.server');
const playbook = await import('./playbook/+page.server');
const proposal = await import('./playbook/proposals/[number]/+page.server');
const compare = await import('./playbook/history/compare/+page.server');
const history = await import('./playbook/history/+page.server');
const newSection = await import('./playbook/new/+page.server');
const tryRule = await import('./playbook/try/+page.server');
const newAccount = await import('./accounts/new/+page.server');
const newList = await import('./lists/new/+page.server');
const caseStudy = await import('./case-studies/[kind]/+page.server');

type Anything = never;
const HUGE = '99999999999';
const DEEP = 'not '.repeat(90) + 'lifecycle = customer';
const NESTS = /this rule nests 90 levels deep .*rules can nest at most \d+\. Simplify it/;

describe.each(testDatabases())('numbers and rules on pages and forms ($name)', ({ open }) => {
	let store: OpenDatabase;
	let slug: string;
	let ws: string;
	let userId: string;
	const event = (path: string, params: Record<string, string>, form?: Record<string, string>) => {
		const url = new URL(`http://localhost/w/${slug}${path}`);
		const request = form ? new Request(url, { method: 'POST', body: new URLSearchParams(form) }) : new Request(url);
		return { url, params: { workspace: slug, ...params }, locals: { user: { id: userId } }, request, setHeaders: () => {}, depends: () => {} } as Anything;
	};
	const failure = (result: unknown) => result as { status: number; data: Record<string, unknown> };
	/** The status and message of the error a load throws (SvelteKit's error()). */
	const thrown = async (run: () => unknown) => {
		try {
			await run();
		} catch (e) {
			const { status, body } = e as { status: number; body: { message: string } };
			return { status, message: body.message };
		}
		throw new Error('expected the load to throw');
	};

	beforeAll(async () => {
		store = await open();
		current = store.db;
		const w = await makeWorkspace(store.db);
		[slug, ws] = [w.slug, w.id];
		userId = (await makeUser(store.db, { workspaceId: ws, role: 'owner' })).id;
		await getCurrentRevision(store.db, ws);
	});
	afterAll(() => store.close());

	it('playbook pages answer a revision or proposal number past the integer column like a missing one', async () => {
		const rev = (n: string) => thrown(() => section.load(event(`/playbook/buying-signals?rev=${n}`, { slug: 'buying-signals' })));
		expect(await rev(HUGE)).toEqual({ status: 404, message: `There is no revision ${HUGE} of the playbook.` });
		expect(await rev('999')).toEqual({ status: 404, message: 'There is no revision 999 of the playbook.' });
		for (const number of ['99999', '99999999999999', '99999999999999999999']) {
			expect(await thrown(() => proposal.load(event(`/playbook/proposals/${number}`, { number })))).toEqual({ status: 404, message: 'There is no such proposal in this workspace.' });
		}
		expect(await thrown(() => compare.load(event('/playbook/history/compare?from=-5&to=99999999999999', {})))).toEqual({
			status: 404,
			message: 'Revision 99999999999999 does not exist; the playbook has revisions 1 to 1.'
		});
	});

	it('playbook actions answer 400 with the message a missing number gets', async () => {
		const review = failure(await proposal.actions.review(event(`/playbook/proposals/${HUGE}`, { number: HUGE }, { kind: 'comment', body: 'x' })));
		expect([review.status, review.data.message]).toEqual([400, `There is no proposal #${HUGE}.`]);
		const markRead = failure(await playbook.actions.markRead(event('/playbook', {}, { revision: HUGE })));
		expect([markRead.status, markRead.data.message]).toEqual([400, 'Choose a revision.']);
		const ack = failure(await playbook.actions.acknowledge(event('/playbook', {}, { revision: HUGE, signalId: 'x' })));
		expect([ack.status, ack.data.message]).toEqual([400, 'That change was already acknowledged or does not exist.']);
		const restore = failure(await history.actions.restore(event('/playbook/history', {}, { number: HUGE })));
		expect([restore.status, restore.data.message]).toEqual([400, `There is no revision ${HUGE}.`]);
		const save = failure(await newSection.actions.save(event('/playbook/new', {}, { title: 'QA', body: 'x', reason: 'r', baseRevision: HUGE })));
		expect([save.status, (save.data.errors as Record<string, string>).form]).toEqual([400, 'The revision this edit started from does not exist. Reload the page.']);
	});

	it('the account form refuses ARR past the largest amount we store, and saves nothing', async () => {
		const result = failure(await newAccount.actions.default(event('/accounts/new', {}, { name: 'QA arr2', lifecycle: 'lead', arr: '9999999999' })));
		expect([result.status, (result.data.errors as Record<string, string>).arr]).toEqual([400, 'ARR is too large: we store amounts up to 2,000,000,000.']);
		expect(await store.db.$count(account, eq(account.workspaceId, ws))).toBe(0);
	});

	it('Try a rule shows the nesting and NUL messages instead of failing', async () => {
		const tried = async (rule: string) => ((await tryRule.load(event(`/playbook/try?rule=${encodeURIComponent(rule)}`, {}))) as { outcome: { ok: boolean; message?: string } }).outcome;
		expect(await tried(DEEP)).toMatchObject({ ok: false, line: 1, column: 1, message: expect.stringMatching(NESTS) });
		expect(await tried('count(ticket_opened where subject ~ "a\u0000b") >= 1 within 30d')).toMatchObject({
			ok: false,
			message: expect.stringContaining('quoted text in a rule cannot contain the NUL character')
		});
	});

	it('smart lists and case-study proposals refuse a rule nested too deep with the rule message', async () => {
		const list = failure(await newList.actions.default(event('/lists/new', {}, { name: 'QA list nots', rule: DEEP })));
		expect([list.status, (list.data.errors as Record<string, string>).rule]).toEqual([400, expect.stringMatching(NESTS)]);
		expect(await store.db.$count(smartList, eq(smartList.workspaceId, ws))).toBe(0);
		const propose = failure(await caseStudy.actions.propose(event('/case-studies/churn', { kind: 'churn' }, { rule: DEEP, name: 'QA', means: 'm', action: 'a' })));
		expect(propose.status).toBe(400);
		expect(propose.data.problems).toEqual([expect.stringMatching(NESTS)]);
		expect(await store.db.$count(playbookProposal, eq(playbookProposal.workspaceId, ws))).toBe(0);
	});

	it('a proposal whose rule nests too deep shows the rule message in its backtest, not "try again"', async () => {
		const base = await getCurrentRevision(store.db, ws);
		const sections = base.document.sections.map((s) => (s.slug === 'buying-signals' ? { ...s, body: s.body.replace('count(pricing_visit) >= 3 within 1d', DEEP) } : s));
		const number = await createProposal(store.db, ws, { title: 'Deep', reason: 'QA', authorId: userId, baseRevision: base.number, document: { sections } });
		const page = (await proposal.load(event(`/playbook/proposals/${number}`, { number: String(number) }))) as { ruleBacktests: Promise<{ afterBacktest: unknown }[]> };
		const [change] = await page.ruleBacktests;
		expect(change.afterBacktest).toMatchObject({ ok: false, message: expect.stringMatching(NESTS) });
	});
});
