import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq, isNotNull } from 'drizzle-orm';
import { testDatabases } from '../../../../tests/databases';
import { makeAccount, makeActivities, makeUser, makeWorkspace } from '../../../../tests/factories';
import type { OpenDatabase } from '../db/index';
import { signalHit, task } from '../db/schema';
import { createSession } from '../sessions/sessions';
import { applySessionCommand } from '../sessions/applySessionCommand';
import { sessionPlanSchema, type SessionActor } from '../../domain/session';
import { loadPracticeImpact } from './practiceImpact';

describe.each(testDatabases())('practice impact on $name', ({ open }) => {
	let store: OpenDatabase;
	beforeAll(async () => {
		store = await open();
	});
	afterAll(() => store.close());

	/** A workspace with one session run to its end: a win, three action items; its month is the current one. */
	async function runSession() {
		const ws = await makeWorkspace(store.db);
		const fran = await makeUser(store.db, { workspaceId: ws.id, role: 'facilitator', department: 'success' });
		const sam = await makeUser(store.db, { workspaceId: ws.id, role: 'member', department: 'sales' });
		const acme = await makeAccount(store.db, ws.id, { name: 'Acme' });
		const plan = sessionPlanSchema.parse({ title: 'Churn review', objective: 'Spot churn early', scheduledAt: '2026-03-04T10:00:00Z', participantIds: [sam.id] });
		const sessionId = await createSession(store.db, ws.id, { plan, facilitatorId: fran.id, createdBy: fran.id });
		const as = (id: string, role: SessionActor['role'], department: SessionActor['department']): SessionActor => ({ userId: id, role, department });
		const send = async (who: SessionActor, command: Record<string, unknown>) =>
			expect(await applySessionCommand(store.db, ws.id, sessionId, who, { commandId: randomUUID(), ...command })).toMatchObject({ ok: true });
		const facilitator = as(fran.id, 'facilitator', 'success');
		const seller = as(sam.id, 'member', 'sales');
		await send(facilitator, { type: 'session.start' });
		await send(seller, { type: 'win.record', kind: 'upsell', accountId: acme.id, text: 'Upsold' });
		for (const [title, dueOn] of [['On time', '2026-01-10'], ['Late', '2026-01-12'], ['Overdue', '2026-01-20'], ['Not due yet', '2099-01-01']]) {
			await send(seller, { type: 'actionItem.add', title, ownerId: sam.id, dueOn, accountId: acme.id });
		}
		await send(facilitator, { type: 'session.end' });
		return { ws, acme, sessionId };
	}

	it('counts sessions, wins, action items done on time, attendance, and the warning churn-risk signals gave', async () => {
		const { ws, acme, sessionId } = await runSession();
		const tasks = await store.db.select().from(task).where(and(eq(task.workspaceId, ws.id), eq(task.sessionId, sessionId)));
		expect(tasks).toHaveLength(4);
		const byTitle = new Map(tasks.map((t) => [t.title, t.id]));
		await store.db.update(task).set({ status: 'done', completedAt: new Date('2026-01-10T18:00:00Z') }).where(eq(task.id, byTitle.get('On time')!));
		await store.db.update(task).set({ status: 'done', completedAt: new Date('2026-01-13T09:00:00Z') }).where(eq(task.id, byTitle.get('Late')!));
		// Acme churns on Jan 25; login-silence fired on Jan 5 (20 days of warning); Globex churns unwarned.
		await makeActivities(store.db, ws.id, acme.id, [{ type: 'churned', at: '2026-01-25T00:00:00Z' }]);
		await store.db.insert(signalHit).values({ workspaceId: ws.id, signalKey: 'login-silence', accountId: acme.id, firstFiredAt: new Date('2026-01-05T00:00:00Z'), lastFiredAt: new Date('2026-01-25T00:00:00Z'), closedAt: new Date('2026-01-25T00:00:00Z'), evidence: [], revision: 1 });
		const globex = await makeAccount(store.db, ws.id, { name: 'Globex' });
		await makeActivities(store.db, ws.id, globex.id, [{ type: 'churned', at: '2026-01-28T00:00:00Z' }]);
		// A buying signal is not a warning.
		await store.db.insert(signalHit).values({ workspaceId: ws.id, signalKey: 'pricing-page-repeat', accountId: globex.id, firstFiredAt: new Date('2026-01-01T00:00:00Z'), lastFiredAt: new Date('2026-01-02T00:00:00Z'), evidence: [], revision: 1 });

		const thisMonth = new Date().toISOString().slice(0, 7);
		const impact = await loadPracticeImpact(store.db, ws.id, ['2026-01', thisMonth], new Date('2026-01-31T12:00:00Z'));
		expect(impact.months[0]).toEqual({
			month: '2026-01',
			sessionsHeld: 0,
			winsRecorded: 0,
			revisions: 0,
			actionItemsDue: 3,
			actionItemsOnTime: 1,
			churns: 2,
			churnsWarned: 1,
			medianWarningDays: 20,
			calibrationAlpha: null
		});
		expect(impact.months[1]).toMatchObject({ sessionsHeld: 1, winsRecorded: 1 });
		expect(impact.attendance).toEqual([
			{ department: 'sales', attendances: 1 },
			{ department: 'success', attendances: 1 }
		]);
		expect(await store.db.select().from(task).where(and(eq(task.workspaceId, ws.id), isNotNull(task.sessionId)))).toHaveLength(4);

		// Another workspace sees none of it.
		const other = await makeWorkspace(store.db);
		const theirs = await loadPracticeImpact(store.db, other.id, ['2026-01', thisMonth]);
		expect(theirs.months.every((m) => m.sessionsHeld === 0 && m.churns === 0 && m.actionItemsDue === 0 && m.winsRecorded === 0)).toBe(true);
		expect(theirs.attendance).toEqual([]);
	});
});
