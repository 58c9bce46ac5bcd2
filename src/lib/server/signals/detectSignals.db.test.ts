/**
 * Detection against a real database, with the starter playbook: incremental detection for the
 * accounts new activities touched, hits closed (not deleted) when a rule stops holding, alerts
 * and tasks made once per open hit, and concurrent sweeps producing one set of hits.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { testDatabases } from '../../../../tests/databases';
import { makeAccount, makeActivities, makeUser, makeWorkspace } from '../../../../tests/factories';
import type { Database, OpenDatabase } from '../db/index';
import { signalAlert, signalHit, task, webhookEvent } from '../db/schema';
import { createWebhookEndpoint, updateWebhookEndpoint } from '../webhooks/endpoints';
import { detectSignalsForAccounts, sweepSignals } from './detectSignals';
import { loadDetectionPlan } from './detectionSignals';
import { loadFollowUpContext, planFollowUps } from './followUps';
import { countFiredAccounts } from './firedCounts';
import { getCurrentRevision, saveRevision } from '../playbook/revisions';

const NOW = new Date('2026-06-01T12:00:00Z');
const DAY = 86_400_000;
const daysAgo = (d: number, from = NOW) => new Date(from.getTime() - d * DAY);

async function hitsOf(db: Database, workspaceId: string, signalKey: string) {
	return db
		.select()
		.from(signalHit)
		.where(and(eq(signalHit.workspaceId, workspaceId), eq(signalHit.signalKey, signalKey)))
		.orderBy(asc(signalHit.firstFiredAt));
}

describe.each(testDatabases())('signal detection ($name)', ({ open }) => {
	let opened: OpenDatabase;
	let db: Database;
	beforeAll(async () => {
		opened = await open();
		db = opened.db;
	});
	afterAll(async () => opened?.close());

	/** A customer whose last product login was 30 days ago: login-silence holds since 9 days ago. */
	async function quietCustomer() {
		const ws = (await makeWorkspace(db)).id;
		const owner = await makeUser(db, { workspaceId: ws, department: 'sales', name: 'Olivia Owner' });
		const success = await makeUser(db, { workspaceId: ws, department: 'success', name: 'Sam Success' });
		const supportPerson = await makeUser(db, { workspaceId: ws, department: 'support' });
		const viewer = await makeUser(db, { workspaceId: ws, department: 'success', role: 'viewer' });
		const quiet = await makeAccount(db, ws, { lifecycle: 'customer', ownerId: owner.id });
		const [login] = await makeActivities(db, ws, quiet.id, [
			{ type: 'product_login', at: daysAgo(30) },
			{ type: 'email_replied', at: daysAgo(5) },
			{ type: 'meeting_held', at: daysAgo(20) }
		]);
		const other = await makeAccount(db, ws, { lifecycle: 'customer', ownerId: owner.id });
		await makeActivities(db, ws, other.id, [{ type: 'product_login', at: daysAgo(40) }]);
		return { ws, owner, success, supportPerson, viewer, quiet, other, login };
	}

	it('opens a hit for a touched account, with evidence, an alert per recipient and the task', async () => {
		const { ws, owner, success, viewer, quiet, other, login } = await quietCustomer();
		const result = await detectSignalsForAccounts(db, ws, [quiet.id], { now: NOW });
		expect(result.opened).toBeGreaterThanOrEqual(1);
		const hits = await hitsOf(db, ws, 'login-silence');
		expect(hits).toHaveLength(1);
		expect(hits[0]).toMatchObject({
			accountId: quiet.id,
			firstFiredAt: daysAgo(9),
			lastFiredAt: NOW,
			closedAt: null,
			evidence: [login.id],
			evidenceAt: daysAgo(30),
			revision: 1
		});
		// Only the touched account: the other quiet customer waits for its own activity or the sweep.
		expect(hits.some((h) => h.accountId === other.id)).toBe(false);
		const alerts = await db.select().from(signalAlert).where(eq(signalAlert.hitId, hits[0].id));
		expect(alerts.map((a) => [a.userId, a.reason]).sort()).toEqual(
			[
				[owner.id, 'owner'],
				[success.id, 'success']
			].sort()
		);
		expect(alerts.some((a) => a.userId === viewer.id)).toBe(false);
		expect(alerts[0]).toMatchObject({ signalName: 'Nobody has logged in for three weeks', template: 'reengage-silent' });
		const [t] = await db.select().from(task).where(eq(task.id, hits[0].taskId!));
		expect(t).toMatchObject({ accountId: quiet.id, ownerId: success.id, dueOn: '2026-06-04', status: 'open' });
		expect(t.title).toContain('reengage-silent');
	});

	it('queues signal.fired and alert.created webhooks for subscribers, once per new hit and alert', async () => {
		const { ws, owner, success, quiet } = await quietCustomer();
		await createWebhookEndpoint(db, ws, { userId: owner.id, name: 'Olivia Owner' }, { url: 'https://hooks.example.test/in', description: null, events: ['signal.fired', 'alert.created'] });
		await detectSignalsForAccounts(db, ws, [quiet.id], { now: NOW });
		await detectSignalsForAccounts(db, ws, [quiet.id], { now: new Date(NOW.getTime() + 3_600_000) });
		const events = await db.select().from(webhookEvent).where(eq(webhookEvent.workspaceId, ws));
		const [hit] = await hitsOf(db, ws, 'login-silence');
		const fired = events.filter((e) => e.type === 'signal.fired').map((e) => e.payload as Record<string, unknown>);
		expect(fired.filter((p) => (p.signal as { key: string }).key === 'login-silence')).toEqual([
			{ signal: { key: 'login-silence', name: 'Nobody has logged in for three weeks' }, account: { id: quiet.id }, hitId: hit.id, firedAt: daysAgo(9).toISOString(), evidenceActivityIds: hit.evidence }
		]);
		const alerted = events.filter((e) => e.type === 'alert.created').map((e) => e.payload as { alert: { recipientUserId: string; signal: { key: string } }; account: { id: string } });
		expect(alerted.filter((p) => p.alert.signal.key === 'login-silence').map((p) => [p.alert.recipientUserId, p.account.id]).sort()).toEqual(
			[
				[owner.id, quiet.id],
				[success.id, quiet.id]
			].sort()
		);
	});

	it('reads which events enabled endpoints listen to, and a sweep queues only those', async () => {
		const { ws, owner, quiet } = await quietCustomer();
		const actor = { userId: owner.id, name: 'Olivia Owner' };
		await createWebhookEndpoint(db, ws, actor, { url: 'https://hooks.example.test/alerts', description: null, events: ['alert.created'] });
		const off = await createWebhookEndpoint(db, ws, actor, { url: 'https://hooks.example.test/fired', description: null, events: ['signal.fired'] });
		await updateWebhookEndpoint(db, ws, actor, off.id, { enabled: false });
		const ctx = await loadFollowUpContext(db, ws, [quiet.id]);
		expect(ctx.webhookEvents).toEqual(new Set(['alert.created']));
		// Nobody listening: the alerts are written without an event statement beside them.
		const { signals } = await loadDetectionPlan(db, ws);
		const hit = { id: randomUUID(), signalKey: 'login-silence', accountId: quiet.id, firstFiredAt: daysAgo(9), evidence: [] };
		const deaf = planFollowUps(ws, signals, [hit], { ...ctx, webhookEvents: new Set() }, NOW);
		expect(deaf.alertCount).toBeGreaterThan(0);
		expect(deaf.alerts).toHaveLength(1);
		expect(planFollowUps(ws, signals, [hit], ctx, NOW).alerts).toHaveLength(2);

		const result = await sweepSignals(db, ws, { now: NOW });
		expect(result?.alerts).toBeGreaterThan(0);
		const events = await db.select().from(webhookEvent).where(eq(webhookEvent.workspaceId, ws));
		expect(new Set(events.map((e) => e.type))).toEqual(new Set(['alert.created']));
		expect(events).toHaveLength(result!.alerts);
	});

	it("gives a department's task to its member with the fewest open tasks (done ones do not count)", async () => {
		const { ws, owner, success, quiet } = await quietCustomer();
		const ada = await makeUser(db, { workspaceId: ws, department: 'success', name: 'Ada Success' });
		const tasks = (ownerId: string, status: 'open' | 'done', n: number) =>
			Array.from({ length: n }, (_, i) => ({ workspaceId: ws, title: `earlier ${status} ${i}`, ownerId, status }));
		await db.insert(task).values([...tasks(success.id, 'open', 2), ...tasks(ada.id, 'open', 1), ...tasks(ada.id, 'done', 3)]);
		await detectSignalsForAccounts(db, ws, [quiet.id], { now: NOW });
		const [hit] = await hitsOf(db, ws, 'login-silence');
		const [t] = await db.select().from(task).where(eq(task.id, hit.taskId!));
		// The owner (sales, no tasks at all) is not in the department the signal gives its task to.
		expect(t.ownerId).toBe(ada.id);
		expect(t.ownerId).not.toBe(owner.id);
	});

	it("spreads one detection's department tasks over the department, one at a time to the least busy", async () => {
		const { ws, success, quiet, other } = await quietCustomer();
		const ada = await makeUser(db, { workspaceId: ws, department: 'success', name: 'Ada Success' });
		// Both quiet customers open login-silence at once. Sam and Ada have no open tasks: the first
		// task makes one of them busier, so the second goes to the other.
		await detectSignalsForAccounts(db, ws, [quiet.id, other.id], { now: NOW });
		const hits = await hitsOf(db, ws, 'login-silence');
		expect(hits).toHaveLength(2);
		const owners = await Promise.all(hits.map(async (h) => (await db.select().from(task).where(eq(task.id, h.taskId!)))[0].ownerId));
		expect(owners.sort()).toEqual([success.id, ada.id].sort());
	});

	it('does not alert or create a task again while the hit stays open', async () => {
		const { ws, quiet } = await quietCustomer();
		await detectSignalsForAccounts(db, ws, [quiet.id], { now: NOW });
		const alertsBefore = await db.select().from(signalAlert).where(eq(signalAlert.workspaceId, ws));
		const tasksBefore = await db.select().from(task).where(eq(task.workspaceId, ws));
		const later = new Date(NOW.getTime() + 3_600_000);
		const again = await detectSignalsForAccounts(db, ws, [quiet.id], { now: later });
		// Nothing changed (same evidence, same revision): the hit is not even rewritten.
		expect(again).toMatchObject({ opened: 0, refreshed: 0, alerts: 0, tasks: 0 });
		expect(await db.select().from(signalAlert).where(eq(signalAlert.workspaceId, ws))).toHaveLength(alertsBefore.length);
		expect(await db.select().from(task).where(eq(task.workspaceId, ws))).toHaveLength(tasksBefore.length);
		expect((await hitsOf(db, ws, 'login-silence')).map((h) => [h.firstFiredAt, h.lastFiredAt])).toEqual([[daysAgo(9), NOW]]);
		// A sweep confirms every open hit (and opens the other quiet account's): last fired says when.
		await sweepSignals(db, ws, { now: later });
		const confirmed = (await hitsOf(db, ws, 'login-silence')).filter((h) => h.accountId === quiet.id);
		expect(confirmed.map((h) => [h.firstFiredAt, h.lastFiredAt, h.closedAt])).toEqual([[daysAgo(9), later, null]]);
	});

	it('closes a hit when the rule stops holding, keeps it, and opens a new one when it holds again', async () => {
		const { ws, quiet } = await quietCustomer();
		await detectSignalsForAccounts(db, ws, [quiet.id], { now: NOW });
		const loginAt = new Date(NOW.getTime() + 3_600_000);
		await makeActivities(db, ws, quiet.id, [{ type: 'product_login', at: loginAt }]);
		const after = new Date(NOW.getTime() + 2 * 3_600_000);
		const closing = await detectSignalsForAccounts(db, ws, [quiet.id], { now: after });
		expect(closing.closed).toBeGreaterThanOrEqual(1);
		let hits = await hitsOf(db, ws, 'login-silence');
		expect(hits).toHaveLength(1);
		expect(hits[0].closedAt).toEqual(loginAt);
		// 22 days without a login: it holds again, as a new hit with its own alert.
		const muchLater = new Date(loginAt.getTime() + 22 * DAY);
		const reopened = await detectSignalsForAccounts(db, ws, [quiet.id], { now: muchLater });
		hits = await hitsOf(db, ws, 'login-silence');
		expect(hits.map((h) => [h.firstFiredAt, h.closedAt])).toEqual([
			[daysAgo(9), loginAt],
			[new Date(loginAt.getTime() + 21 * DAY), null]
		]);
		expect(reopened.alerts).toBeGreaterThanOrEqual(2);
		// For the playbook card: one account in the last 7 and 30 days; the first hit alone, 60 days on, none.
		expect((await countFiredAccounts(db, ws, muchLater))['login-silence']).toEqual({ days7: 1, days30: 1 });
		expect((await countFiredAccounts(db, ws, new Date(loginAt.getTime() + 20 * DAY)))['login-silence']).toEqual({ days7: 0, days30: 1 });
		const alerts = await db.select().from(signalAlert).where(eq(signalAlert.hitId, hits[1].id));
		expect(alerts).toHaveLength(2);
	});

	it('runs the rules of the playbook revision current at detection time, right after a revision changes one', async () => {
		const { ws, owner, quiet } = await quietCustomer();
		await detectSignalsForAccounts(db, ws, [quiet.id], { now: NOW });
		expect((await hitsOf(db, ws, 'login-silence')).map((h) => h.closedAt)).toEqual([null]);
		const current = await getCurrentRevision(db, ws);
		const document = structuredClone(current.document);
		const section = document.sections.find((s) => s.body.includes('no(product_login) for 21d'))!;
		section.body = section.body.replace('no(product_login) for 21d', 'no(product_login) for 60d');
		const next = await saveRevision(db, ws, { baseRevision: current.number, document, authorId: owner.id, reason: 'Three weeks was too eager' });

		const later = new Date(NOW.getTime() + 3_600_000);
		await detectSignalsForAccounts(db, ws, [quiet.id], { now: later });
		// 30 days without a login no longer counts: the hit closes, and nothing new opens.
		const hits = await hitsOf(db, ws, 'login-silence');
		expect(hits.map((h) => [h.closedAt, h.revision])).toEqual([[later, 1]]);
		expect(next.number).toBe(current.number + 1);
	});

	it('ignores accounts of another workspace and refuses ids that are not UUIDs', async () => {
		const a = await quietCustomer();
		const b = await quietCustomer();
		await detectSignalsForAccounts(db, a.ws, [b.quiet.id], { now: NOW });
		expect(await db.select().from(signalHit).where(eq(signalHit.workspaceId, a.ws))).toEqual([]);
		expect(await db.select().from(signalHit).where(eq(signalHit.workspaceId, b.ws))).toEqual([]);
		await expect(detectSignalsForAccounts(db, a.ws, ["x' or 1=1"], { now: NOW })).rejects.toThrow('not a UUID');
	});

	it('agrees between incremental detection (in memory) and the sweep (compiled SQL)', async () => {
		const { ws, quiet, other } = await quietCustomer();
		await detectSignalsForAccounts(db, ws, [quiet.id, other.id], { now: NOW });
		const before = await db.select().from(signalHit).where(eq(signalHit.workspaceId, ws)).orderBy(asc(signalHit.id));
		expect(before.length).toBeGreaterThanOrEqual(3);
		const swept = await sweepSignals(db, ws, { now: NOW });
		expect(swept).toMatchObject({ opened: 0, closed: 0, past: 0, refreshed: before.filter((h) => h.closedAt === null).length });
		const after = await db.select().from(signalHit).where(eq(signalHit.workspaceId, ws)).orderBy(asc(signalHit.id));
		expect(after).toEqual(before);
	});

	it('sweeps every account; two sweeps at once leave one set of hits, alerts and tasks', async () => {
		const { ws, quiet, other } = await quietCustomer();
		const runs = await Promise.all([sweepSignals(db, ws, { now: NOW }), sweepSignals(db, ws, { now: NOW })]);
		expect(runs.filter((r) => r !== null && r.opened > 0)).toHaveLength(1);
		const hits = await hitsOf(db, ws, 'login-silence');
		expect(hits.map((h) => h.accountId).sort()).toEqual([quiet.id, other.id].sort());
		const all = await db.select().from(signalHit).where(eq(signalHit.workspaceId, ws));
		const keys = all.filter((h) => h.closedAt === null).map((h) => `${h.signalKey}/${h.accountId}`);
		expect(new Set(keys).size).toBe(keys.length);
		const alerts = await db.select().from(signalAlert).where(eq(signalAlert.workspaceId, ws));
		const openAlerting = all.filter((h) => h.closedAt === null);
		expect(new Set(alerts.map((a) => a.hitId)).size).toBeLessThanOrEqual(openAlerting.length);
		const tasks = await db.select().from(task).where(eq(task.workspaceId, ws));
		expect(tasks).toHaveLength(all.filter((h) => h.taskId !== null).length);
		// A later sweep finds nothing new.
		const third = await sweepSignals(db, ws, { now: NOW });
		expect(third).toMatchObject({ opened: 0, alerts: 0, tasks: 0 });
	});

	it("records a signal's whole history on its first sweep, once, and leaves the latest occurrence to detection", async () => {
		const ws = (await makeWorkspace(db)).id;
		const busy = await makeAccount(db, ws, { lifecycle: 'prospect' });
		// Three bursts of pricing visits (3 within a day): 200, 100 and half a day ago; the last holds now.
		const burst = (d: number) => [0, 1, 2].map((h) => ({ type: 'pricing_visit' as const, at: new Date(daysAgo(d).getTime() + h * 3_600_000) }));
		await makeActivities(db, ws, busy.id, [...burst(200), ...burst(100), ...burst(0.5)]);
		const calm = await makeAccount(db, ws, { lifecycle: 'prospect' });
		// Two bursts long ago, none holding now.
		await makeActivities(db, ws, calm.id, [...burst(300), ...burst(150)]);

		const first = await sweepSignals(db, ws, { now: NOW });
		const busyHits = (await hitsOf(db, ws, 'pricing-page-repeat')).filter((h) => h.accountId === busy.id);
		expect(busyHits.map((h) => [h.firstFiredAt.toISOString().slice(0, 10), h.closedAt === null])).toEqual([
			[daysAgo(200).toISOString().slice(0, 10), false],
			[daysAgo(100).toISOString().slice(0, 10), false],
			[daysAgo(0.5).toISOString().slice(0, 10), true]
		]);
		// History has no evidence; the open hit, recorded by detection, has its three visits.
		expect(busyHits.map((h) => h.evidence.length)).toEqual([0, 0, 3]);
		const calmHits = (await hitsOf(db, ws, 'pricing-page-repeat')).filter((h) => h.accountId === calm.id);
		expect(calmHits.map((h) => [h.firstFiredAt.toISOString().slice(0, 10), h.closedAt !== null, h.evidence.length])).toEqual([
			[daysAgo(300).toISOString().slice(0, 10), true, 0],
			[daysAgo(150).toISOString().slice(0, 10), true, 3]
		]);
		expect(first).toMatchObject({ opened: 1 });
		expect(first!.past).toBeGreaterThanOrEqual(3);

		const again = await sweepSignals(db, ws, { now: new Date(NOW.getTime() + 60_000) });
		expect(again).toMatchObject({ opened: 0, past: 0 });
		expect(await hitsOf(db, ws, 'pricing-page-repeat')).toHaveLength(5);
	});
});
