import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDatabases } from '../../../../tests/databases';
import type { OpenDatabase } from '../db/index';
import { account, activity, contact } from '../db/schema';
import { seedDemoWorkspace } from '../demo/seedDemoWorkspace';
import { loadStarterPlaybook } from './starter';
import { evaluateAccountSignals } from './accountSignals';
import { checkPlaybook } from '../../domain/playbook/checkPlaybook';
import { listSignals } from '../../domain/playbook/signalBlock';
import { evaluateRule, parseRule } from '../../domain/signals';
import { SIGNAL_FAMILIES } from '../../domain/playbook/signalSchema';

const NOW = new Date('2026-06-01T12:00:00Z');

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
	const out = new Map<string, T[]>();
	for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
	return out;
}

describe('the starter playbook', () => {
	const doc = loadStarterPlaybook();
	const { signals } = listSignals(doc);

	it('loads, has no problems, and covers every family with at least 12 signals', () => {
		expect(checkPlaybook(doc)).toEqual([]);
		expect(signals.length).toBeGreaterThanOrEqual(12);
		expect(new Set(signals.map((s) => s.family))).toEqual(new Set(SIGNAL_FAMILIES));
	});

	it('has the tagging conventions, a notify matrix and at least 6 follow-up templates', () => {
		const titles = doc.sections.map((s) => s.title);
		expect(titles).toEqual(expect.arrayContaining(['Tagging conventions', 'Who to notify', 'Follow-up templates']));
		const templates = doc.sections.find((s) => s.title === 'Follow-up templates')!.body.match(/^### .+\(`[a-z-]+`\)$/gm) ?? [];
		expect(templates.length).toBeGreaterThanOrEqual(6);
		const templateIds = new Set(templates.map((t) => /`([a-z-]+)`/.exec(t)![1]));
		for (const s of signals) if (s.template) expect(templateIds, `template of ${s.id}`).toContain(s.template);
	});
});

describe.each(testDatabases())('starter signals on the demo workspace ($name)', ({ open }) => {
	let store: OpenDatabase;
	let fired: Map<string, number>;
	let expected: Map<string, Map<string, { firstFiredAt: Date | null; evidence: number[] }>>;
	let workspaceId: string;
	beforeAll(async () => {
		store = await open();
		const demo = await seedDemoWorkspace(store.db, { now: NOW });
		const ws = demo.workspaceId;
		workspaceId = ws;
		expected = new Map();
		const [accounts, contacts, activities] = await Promise.all([
			store.db.select().from(account).where(eq(account.workspaceId, ws)),
			store.db.select({ id: contact.id, accountId: contact.accountId, lifecycle: contact.lifecycle, title: contact.title }).from(contact).where(eq(contact.workspaceId, ws)),
			store.db
				.select({ id: activity.id, accountId: activity.accountId, type: activity.type, occurredAt: activity.occurredAt, contactId: activity.contactId, department: activity.department, properties: activity.properties })
				.from(activity)
				.where(eq(activity.workspaceId, ws))
		]);
		const byAccount = groupBy(activities, (a) => a.accountId);
		const contactsOf = groupBy(contacts, (c) => c.accountId ?? '');
		fired = new Map();
		for (const s of listSignals(loadStarterPlaybook()).signals.filter((x) => x.status === 'stable')) {
			const parsed = parseRule(s.rule);
			if (!parsed.ok) throw new Error(`${s.id}: ${parsed.error.message}`);
			let n = 0;
			for (const a of accounts) {
				const timeline = { account: a, contacts: contactsOf.get(a.id) ?? [], activities: byAccount.get(a.id) ?? [] };
				const result = evaluateRule(parsed.rule, timeline, NOW);
				if (result.fires) {
					n++;
					if (!expected.has(a.id)) expected.set(a.id, new Map());
					expected.get(a.id)!.set(s.id, { firstFiredAt: result.firstFiredAt, evidence: result.evidence });
				}
			}
			fired.set(s.id, n);
		}
	}, 180_000);
	afterAll(() => store.close());

	it('fires every stable signal on at least one demo account, and none on every account', () => {
		expect(fired.size).toBeGreaterThanOrEqual(10);
		for (const [id, n] of fired) {
			expect(n, `${id} fired on ${n} of the demo accounts`).toBeGreaterThan(0);
			expect(n, `${id} fired on every account: it tells nothing apart`).toBeLessThan(300);
		}
	});

	it('gives the account page the same signals and evidence while loading only the events the rules read', async () => {
		const sample = [...expected.keys()].slice(0, 25);
		expect(sample.length).toBeGreaterThan(10);
		for (const accountId of sample) {
			const got = await evaluateAccountSignals(store.db, workspaceId, accountId, { now: NOW });
			const want = expected.get(accountId)!;
			expect(got.map((g) => g.id).sort()).toEqual([...want.keys()].sort());
			for (const g of got) expect({ firstFiredAt: g.evaluation.firstFiredAt, evidence: g.evaluation.evidence }).toEqual(want.get(g.id));
		}
	});
});
