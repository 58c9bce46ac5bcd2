import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { eq, sql } from 'drizzle-orm';
import { testDatabases } from '../../../../tests/databases';
import { makeAccount, makeActivities, makeUser, makeWorkspace } from '../../../../tests/factories';
import type { OpenDatabase } from '../db/index';
import { practiceSession } from '../db/schema';
import { createSession, getSession } from './sessions';
import { applySessionCommand } from './applySessionCommand';
import { sessionPlanSchema, type SessionActor } from '../../domain/session';

const MIGRATION = new URL('../../../../drizzle/0006_session_state_rounds.sql', import.meta.url);

describe.each(testDatabases())('session states stored before every spotting round was kept, on $name', ({ open }) => {
	let store: OpenDatabase;
	beforeAll(async () => {
		store = await open();
	});
	afterAll(() => store.close());

	it('get their round (with its agenda item and reveal time) and the people who acted as attendees', async () => {
		const ws = await makeWorkspace(store.db);
		const fran = await makeUser(store.db, { workspaceId: ws.id, role: 'facilitator', department: 'success' });
		const sam = await makeUser(store.db, { workspaceId: ws.id, role: 'member', department: 'sales' });
		const sue = await makeUser(store.db, { workspaceId: ws.id, role: 'member', department: 'support' });
		const acme = await makeAccount(store.db, ws.id, { name: 'Acme' });
		const [a, b] = await makeActivities(store.db, ws.id, acme.id, [
			{ type: 'pricing_visit', at: '2026-01-01T10:00:00Z' },
			{ type: 'product_login', at: '2026-01-02T10:00:00Z' }
		]);
		const plan = sessionPlanSchema.parse({ title: 'Old review', objective: 'Spot churn', scheduledAt: '2026-03-04T10:00:00Z', participantIds: [sam.id, sue.id] });
		const sessionId = await createSession(store.db, ws.id, { plan, facilitatorId: fran.id, createdBy: fran.id });
		const facilitator: SessionActor = { userId: fran.id, role: 'facilitator', department: 'success' };
		const seller: SessionActor = { userId: sam.id, role: 'member', department: 'sales' };
		const send = (actor: SessionActor, command: Record<string, unknown>) =>
			applySessionCommand(store.db, ws.id, sessionId, actor, { commandId: randomUUID(), ...command });
		await send(facilitator, { type: 'session.start' });
		await send(facilitator, { type: 'agenda.open', itemId: 'signals' });
		const dealId = randomUUID();
		await applySessionCommand(store.db, ws.id, sessionId, facilitator, { commandId: dealId, type: 'spotting.deal', assignments: [{ userId: sam.id, accountId: acme.id }] });
		await send(seller, { type: 'spotting.answer', dealId, positive: { activityId: a.id, note: 'looking' }, risk: { activityId: b.id, note: 'quiet' } });
		await send(facilitator, { type: 'spotting.reveal', dealId });
		await send(facilitator, { type: 'session.end' });
		const now = (await getSession(store.db, ws.id, sessionId))!.state;
		expect(now.spottingRounds).toHaveLength(1);

		// The same session as the code before stored it: one `spotting` round, no attendees.
		const { spottingRounds, attendeeIds, ...rest } = now;
		const { itemId, revealedAt, ...round } = spottingRounds[0];
		expect([itemId, attendeeIds]).toEqual(['signals', [fran.id, sam.id]]);
		expect(revealedAt).toEqual(expect.any(String));
		await store.db.update(practiceSession).set({ state: { ...rest, spotting: round } }).where(eq(practiceSession.id, sessionId));
		const untouched = await createSession(store.db, ws.id, { plan, facilitatorId: fran.id, createdBy: fran.id });
		const before = (await getSession(store.db, ws.id, untouched))!.state;

		await store.db.execute(sql.raw(await readFile(MIGRATION, 'utf8')));
		expect((await getSession(store.db, ws.id, sessionId))!.state).toEqual(now);
		expect((await getSession(store.db, ws.id, untouched))!.state).toEqual(before);
	});
});
