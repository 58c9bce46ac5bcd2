import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../../tests/databases';
import { makeAccount, makeActivities, makeWorkspace } from '../../../../tests/factories';
import type { OpenDatabase } from '$lib/server/db/index';
import { parseRule } from '$lib/domain/signals/parseRule';
import type { Rule } from '$lib/domain/signals/rule';
import { runCompiledRule } from './runCompiledRule';

const T0 = Date.UTC(2024, 5, 1);
const MIN = 60_000;
const at = (minutes: number) => new Date(T0 + minutes * MIN);

function parse(source: string): Rule {
	const result = parseRule(source);
	if (!result.ok) throw new Error(result.error.message);
	return result.rule;
}

describe.each(testDatabases())('compileRule on $name', ({ open }) => {
	let opened: OpenDatabase;
	let workspaceId: string;
	let accountId: string;
	let ids: number[];
	beforeAll(async () => {
		opened = await open();
		const ws = await makeWorkspace(opened.db);
		workspaceId = ws.id;
		const a = await makeAccount(opened.db, workspaceId, { lifecycle: 'customer' });
		accountId = a.id;
		const rows = await makeActivities(opened.db, workspaceId, accountId, [
			{ type: 'web_visit', at: at(0), properties: { page: '/pricing' } },
			{ type: 'web_visit', at: at(10), properties: { page: '/docs' } },
			{ type: 'web_visit', at: at(20), properties: { page: '/Pricing/team' } }
		]);
		ids = rows.map((r) => r.id);
	});
	afterAll(async () => opened?.close());

	it('fires a count when the Nth event arrives, with the events in the window as evidence', async () => {
		const hits = await runCompiledRule(opened.db, parse('count(web_visit) >= 2 within 15m'), { workspaceId, now: at(60) });
		expect(hits).toEqual([{ accountId, firstFiredAt: at(10), holdsNow: false, evidence: [ids[0], ids[1], ids[2]] }]);
	});

	it('filters on properties, ignoring case', async () => {
		const hits = await runCompiledRule(opened.db, parse('count(web_visit where page ~ PRICING) >= 2 within 30m'), {
			workspaceId,
			now: at(25)
		});
		expect(hits).toEqual([{ accountId, firstFiredAt: at(20), holdsNow: true, evidence: [ids[0], ids[2]] }]);
	});

	it('returns nothing for a rule that does not fire, and only the listed accounts', async () => {
		expect(await runCompiledRule(opened.db, parse('lifecycle = lead'), { workspaceId, now: at(60) })).toEqual([]);
		expect(await runCompiledRule(opened.db, parse('lifecycle = customer'), { workspaceId, now: at(60), accountIds: [] })).toEqual([]);
	});
});
