import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { testDatabases } from '../../../../tests/databases';
import { makePlannedSession } from '../../../../tests/sessionFactory';
import type { OpenDatabase } from '../db/index';
import { practiceSession } from '../db/schema';
import { getSession } from './sessions';
import { applySessionCommand } from './applySessionCommand';
import { forgetSessionState, listEvents, loadSessionState, SNAPSHOT_EVERY } from './sessionState';
import { countSessionOutcomes, listRecentWins } from './sessionOutcomes';
import { replaySession, type SessionActor, type SessionState } from '../../domain/session';

describe.each(testDatabases())('session state as snapshot plus events on $name', ({ open }) => {
	let store: OpenDatabase;
	beforeAll(async () => {
		store = await open();
	});
	afterAll(() => store.close());

	it('keeps the stored snapshot behind by fewer than SNAPSHOT_EVERY events and reads the state from snapshot + events, the same as replaying the log', async () => {
		const { ws, fran, sam, acme, visit, plan, sessionId } = await makePlannedSession(store.db);
		const facilitator: SessionActor = { userId: fran.id, role: 'facilitator', department: 'success' };
		const seller: SessionActor = { userId: sam.id, role: 'member', department: 'sales' };
		const send = async (actor: SessionActor, command: Record<string, unknown>) => {
			const outcome = await applySessionCommand(store.db, ws.id, sessionId, actor, { commandId: randomUUID(), ...command });
			expect(outcome).toMatchObject({ ok: true });
		};
		const stored = async () => {
			const [row] = await store.db.select({ state: practiceSession.state, lastSeq: practiceSession.lastSeq }).from(practiceSession).where(eq(practiceSession.id, sessionId));
			return { snapshotSeq: (row.state as unknown as SessionState).lastSeq, lastSeq: row.lastSeq };
		};
		const replayed = async () => replaySession(plan, fran.id, await listEvents(store.db, sessionId, 0));

		await send(facilitator, { type: 'session.start' });
		const afterStart = await stored();
		expect(afterStart.snapshotSeq).toBe(afterStart.lastSeq); // a start is written through at once

		const tag = (n: number) => send(seller, { type: 'tag.add', accountId: acme.id, activityId: visit.id, signal: { kind: 'new', name: `Signal ${n}` }, polarity: 'risk', interpretation: `Reading ${n}` });
		for (let n = 0; n < 5; n++) await tag(n);
		const trailing = await stored();
		expect(trailing).toEqual({ snapshotSeq: afterStart.lastSeq, lastSeq: afterStart.lastSeq + 5 });

		// This process's copy, and a cold read (as a freshly started process makes), agree with the log.
		expect((await getSession(store.db, ws.id, sessionId))!.state).toEqual(await replayed());
		forgetSessionState(sessionId);
		const cold = (await loadSessionState(store.db, sessionId))!;
		expect(cold.state).toEqual(await replayed());
		expect(cold.state.tags).toHaveLength(5);
		expect(await countSessionOutcomes(store.db, ws.id, [sessionId])).toEqual({ [sessionId]: { tags: 5, actionItems: 0, wins: 0, insights: 0 } });

		// A command decided on a cold read continues the log where it ends.
		forgetSessionState(sessionId);
		await send(seller, { type: 'insight.add', text: 'Pricing first' });
		expect((await getSession(store.db, ws.id, sessionId))!.state).toEqual(await replayed());

		// A win is written through at once: the home page reads wins from the snapshot.
		await send(seller, { type: 'win.record', kind: 'saved-account', accountId: acme.id, text: 'Acme renewed' });
		const afterWin = await stored();
		expect(afterWin.snapshotSeq).toBe(afterWin.lastSeq);
		expect((await listRecentWins(store.db, ws.id)).map((w) => w.text)).toEqual(['Acme renewed']);

		// Every SNAPSHOT_EVERY events the snapshot catches up.
		for (let n = 5; (await stored()).lastSeq - afterWin.snapshotSeq < SNAPSHOT_EVERY; n++) await tag(n);
		const caughtUp = await stored();
		expect(caughtUp.snapshotSeq).toBe(caughtUp.lastSeq);
		forgetSessionState(sessionId);
		expect((await loadSessionState(store.db, sessionId))!.state).toEqual(await replayed());
	}, 120_000);
});
