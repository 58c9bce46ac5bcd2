/**
 * The inbox and lead scores on top of detection: each person sees only their own alerts in their
 * own workspace, unread counts follow reads, an alert carries its evidence, and the account's
 * score adds up the firing signals' weights with each part named.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../../tests/databases';
import { makeAccount, makeActivities, makeUser, makeWorkspace } from '../../../../tests/factories';
import type { Database, OpenDatabase } from '../db/index';
import { detectSignalsForAccounts } from './detectSignals';
import { countUnreadAlerts, getAlertEvidence, listInbox, markAlertsRead } from './alerts';
import { scoreAccount } from './leadScores';

const NOW = new Date('2026-06-01T12:00:00Z');
const DAY = 86_400_000;
const daysAgo = (d: number) => new Date(NOW.getTime() - d * DAY);

describe.each(testDatabases())('alerts and lead scores ($name)', ({ open }) => {
	let opened: OpenDatabase;
	let db: Database;
	beforeAll(async () => {
		opened = await open();
		db = opened.db;
	});
	afterAll(async () => opened?.close());

	async function setUp() {
		const ws = (await makeWorkspace(db)).id;
		const owner = await makeUser(db, { workspaceId: ws, department: 'sales' });
		const success = await makeUser(db, { workspaceId: ws, department: 'success' });
		const marketing = await makeUser(db, { workspaceId: ws, department: 'marketing' });
		const customer = await makeAccount(db, ws, { lifecycle: 'customer', ownerId: owner.id, name: 'Quiet Co' });
		// An NPS detractor answer (detractor-answer, churn risk, notifies success and product) and
		// 30 days without a login (login-silence, churn risk, notifies success).
		const [login, survey] = await makeActivities(db, ws, customer.id, [
			{ type: 'product_login', at: daysAgo(30) },
			{ type: 'survey_answered', at: daysAgo(2), properties: { kind: 'nps', score: 3 } },
			{ type: 'email_replied', at: daysAgo(1) },
			{ type: 'meeting_held', at: daysAgo(1) }
		]);
		await detectSignalsForAccounts(db, ws, [customer.id], { now: NOW });
		return { ws, owner, success, marketing, customer, login, survey };
	}

	it('puts one alert per hit in the inboxes of the owner and the notified department, nobody else', async () => {
		const { ws, owner, success, marketing, customer } = await setUp();
		const ownerInbox = await listInbox(db, ws, owner.id);
		expect(ownerInbox.map((a) => [a.signalKey, a.reason, a.accountName]).sort()).toEqual([
			['detractor-answer', 'owner', 'Quiet Co'],
			['login-silence', 'owner', 'Quiet Co']
		]);
		expect((await listInbox(db, ws, success.id)).map((a) => a.reason)).toEqual(['success', 'success']);
		expect(await listInbox(db, ws, marketing.id)).toEqual([]);
		expect(ownerInbox.find((a) => a.signalKey === 'detractor-answer')).toMatchObject({ template: 'detractor-recovery', accountId: customer.id, readAt: null });
		expect(await countUnreadAlerts(db, ws, owner.id)).toBe(2);
	});

	it('counts down as alerts are read, one by one or all at once, only for the reader', async () => {
		const { ws, owner, success } = await setUp();
		const [first] = await listInbox(db, ws, owner.id);
		expect(await markAlertsRead(db, ws, owner.id, [first.id])).toBe(1);
		expect(await countUnreadAlerts(db, ws, owner.id)).toBe(1);
		expect(await listInbox(db, ws, owner.id, { unreadOnly: true })).toHaveLength(1);
		// Someone else cannot mark the owner's alert read.
		expect(await markAlertsRead(db, ws, success.id, [first.id])).toBe(0);
		expect(await markAlertsRead(db, ws, owner.id, 'all')).toBe(1);
		expect(await countUnreadAlerts(db, ws, owner.id)).toBe(0);
		expect(await countUnreadAlerts(db, ws, success.id)).toBe(2);
	});

	it('keeps inboxes inside their workspace', async () => {
		const a = await setUp();
		const b = await setUp();
		const [alertOfA] = await listInbox(db, a.ws, a.owner.id);
		expect(await listInbox(db, b.ws, a.owner.id)).toEqual([]);
		expect(await markAlertsRead(db, b.ws, a.owner.id, [alertOfA.id])).toBe(0);
		expect(await getAlertEvidence(db, b.ws, a.owner.id, a.customer.id, alertOfA.id)).toBeNull();
		expect(await getAlertEvidence(db, a.ws, a.owner.id, b.customer.id, alertOfA.id)).toBeNull();
	});

	it('gives the evidence activities of an alert for the account timeline', async () => {
		const { ws, owner, customer, survey, login } = await setUp();
		const inbox = await listInbox(db, ws, owner.id);
		const detractor = inbox.find((a) => a.signalKey === 'detractor-answer')!;
		const found = await getAlertEvidence(db, ws, owner.id, customer.id, detractor.id);
		expect(found?.activities).toEqual([{ id: survey.id, type: 'survey_answered', occurredAt: daysAgo(2) }]);
		const silence = inbox.find((a) => a.signalKey === 'login-silence')!;
		expect((await getAlertEvidence(db, ws, owner.id, customer.id, silence.id))?.activities.map((x) => x.id)).toEqual([login.id]);
	});

	it('scores the account from its firing signals and says what each contributed', async () => {
		const { ws, customer } = await setUp();
		const score = await scoreAccount(db, ws, customer.id, NOW);
		// login-silence -20, detractor-answer -15 halving every 45 days (2 days old: -14.5).
		expect(score.contributions).toEqual([
			{ signalId: 'login-silence', name: 'Nobody has logged in for three weeks', weight: -20, points: -20, ageDays: null },
			{ signalId: 'detractor-answer', name: 'Detractor score in a survey', weight: -15, points: -14.5, ageDays: 2 }
		]);
		expect(score).toMatchObject({ score: 0, raw: -34.5 });
	});
});
