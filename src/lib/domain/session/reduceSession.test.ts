import { describe, expect, it } from 'vitest';
import { random } from '../playbook/testDocuments';
import type { SessionEvent, VisibleSessionEvent } from './events';
import { applyEvents, initialSessionState, MissingEventsError, reduceSession, replaySession } from './reduceSession';
import { CAST, createLiveSession, createTestSession, deepFreeze, playScriptedSession, testPlan } from './testSession';
import { listAbsentees } from './state';

const MIN = 60_000;

describe('initialSessionState', () => {
	it('is a planned session with a paused clock per agenda item', () => {
		const state = initialSessionState(testPlan(), CAST.fran.userId);
		expect(state).toMatchObject({ status: 'planned', lastSeq: 0, currentItemIndex: 0, facilitatorId: CAST.fran.userId });
		expect(state.participantIds).toEqual([CAST.fran.userId, CAST.sam.userId, CAST.sue.userId, CAST.mark.userId]);
		expect(state.timers.journey).toEqual({ plannedMs: 20 * MIN, usedMs: 0, runningSince: null, extendedMs: 0 });
		expect(Object.keys(state.ready)).toEqual(['objective', 'journey', 'signals', 'trends', 'actions']);
	});
});

describe('reduceSession', () => {
	it('ignores an event it has already applied', () => {
		const session = createLiveSession();
		const state = session.state;
		for (const event of session.events) expect(reduceSession(state, event)).toBe(state);
	});

	it('throws MissingEventsError on a gap, saying which events to fetch', () => {
		const session = playScriptedSession();
		const [first, , third] = session.events;
		const afterFirst = reduceSession(initialSessionState(testPlan(), CAST.fran.userId), first);
		let error: unknown;
		try {
			reduceSession(afterFirst, third);
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(MissingEventsError);
		expect(error).toMatchObject({ lastSeq: 1, receivedSeq: 3, message: expect.stringMatching(/fetch the events after 1/) });
	});

	it('refuses an event without a usable seq', () => {
		const state = initialSessionState(testPlan(), CAST.fran.userId);
		const event = { ...createLiveSession().events[0], seq: 0 };
		expect(() => reduceSession(state, event)).toThrow(/positive whole seq/);
		expect(() => reduceSession(state, { ...event, seq: 1.5 })).toThrow(/positive whole seq/);
	});

	it('never changes the state or event it is given', () => {
		const session = playScriptedSession();
		let state = deepFreeze(initialSessionState(testPlan(), CAST.fran.userId));
		for (const event of session.events) state = deepFreeze(reduceSession(state, deepFreeze(structuredClone(event))));
		expect(state).toEqual(session.state);
	});

	it('rebuilds the same state from the log, also after a trip through JSON (the database)', () => {
		const session = playScriptedSession();
		const stored = JSON.parse(JSON.stringify(session.events)) as SessionEvent[];
		expect(replaySession(testPlan(), CAST.fran.userId, stored)).toEqual(session.state);
		expect(JSON.parse(JSON.stringify(session.state))).toEqual(session.state);
	});

	it('converges when a reconnecting client gets events it already has', () => {
		const session = playScriptedSession();
		const { events } = session;
		const client = applyEvents(initialSessionState(testPlan(), CAST.fran.userId), events.slice(0, 10));
		expect(applyEvents(client, events.slice(4))).toEqual(session.state);
	});

	it('skips event types it does not know, so an older browser keeps up with a newer server', () => {
		const session = createLiveSession();
		const future = { seq: session.state.lastSeq + 1, at: session.now.toISOString(), actorId: CAST.fran.userId, commandId: 'x', type: 'poll.opened' };
		const next = reduceSession(session.state, future as unknown as VisibleSessionEvent);
		expect(next).toEqual({ ...session.state, lastSeq: future.seq });
	});

	it('counts each item’s time across visits and stops every clock at the end', () => {
		const session = playScriptedSession();
		const { timers } = session.state;
		expect(timers.objective).toMatchObject({ usedMs: 6 * MIN, runningSince: null });
		expect(timers.journey).toMatchObject({ usedMs: 22 * MIN, runningSince: null });
		expect(timers.signals).toMatchObject({ usedMs: 10 * MIN, extendedMs: 5 * MIN });
		expect(timers.trends).toMatchObject({ usedMs: 10 * MIN, runningSince: null });
		expect(timers.actions).toMatchObject({ usedMs: 10 * MIN, runningSince: null });
		expect(session.state.status).toBe('ended');
	});
});

describe('attendance', () => {
	it('counts who joined the live session or acted in it, once each, in order; invitees who never came are absent', () => {
		const session = createLiveSession();
		expect(session.state.attendeeIds).toEqual([CAST.fran.userId]);
		session.must(CAST.sue, { type: 'participant.join' });
		expect(session.send(CAST.sue, { type: 'participant.join' })).toMatchObject({ ok: true, events: [] });
		session.must(CAST.ada, { type: 'insight.add', text: 'An admin dropped in' });
		expect(session.state.attendeeIds).toEqual([CAST.fran.userId, CAST.sue.userId, CAST.ada.userId]);
		expect(listAbsentees(session.state)).toEqual([CAST.sam.userId, CAST.mark.userId]);
	});

	it('lets nobody join a session that is not live, and no viewer take part', () => {
		const planned = createTestSession();
		expect(planned.send(CAST.sam, { type: 'participant.join' })).toMatchObject({ ok: false, refusal: expect.stringMatching(/not started/) });
		const live = createLiveSession();
		expect(live.send(CAST.vic, { type: 'participant.join' })).toMatchObject({ ok: false, refusal: expect.stringMatching(/Viewers/) });
		live.must(CAST.fran, { type: 'session.end' });
		expect(live.send(CAST.sam, { type: 'participant.join' })).toMatchObject({ ok: false, refusal: expect.stringMatching(/ended/) });
		expect(live.state.attendeeIds).toEqual([CAST.fran.userId]);
	});
});

describe('reduceSession at the size limit', () => {
	it('replays a session of 10,000 tags in linear time (a late joiner or restarted node waits for this)', () => {
		const session = createLiveSession();
		const people = [CAST.sam, CAST.sue, CAST.mark, CAST.fran];
		for (let i = 0; i < 10_000; i++) {
			session.must(people[i % 4], {
				type: 'tag.add',
				activityId: i + 1,
				accountId: '00000000-0000-4000-8000-000000000101',
				signal: { kind: 'new', name: 'x' },
				polarity: 'risk',
				interpretation: 'y'
			});
		}
		const started = performance.now();
		const state = replaySession(testPlan(), CAST.fran.userId, session.events);
		expect(state.tags).toHaveLength(10_000);
		expect(performance.now() - started).toBeLessThan(5_000);
	});
});

describe('reduceSession, seeded random sessions', () => {
	const items = ['objective', 'journey', 'signals', 'trends', 'actions'];
	const people = [CAST.fran, CAST.sam, CAST.sue, CAST.mark, CAST.ada];

	function randomCommand(r: ReturnType<typeof random>, tagIds: string[]): Record<string, unknown> {
		const pick = r.int(9);
		if (pick === 0) return { type: 'agenda.open', itemId: r.pick(items) };
		if (pick === 1) return { type: r.pick(['timer.start', 'timer.pause']), itemId: r.pick(items) };
		if (pick === 2) return { type: 'ready.set', itemId: r.pick(items), ready: r.next() < 0.5 };
		if (pick === 3 && tagIds.length) return { type: 'tag.withdraw', tagId: r.pick(tagIds) };
		if (pick === 4) return { type: 'insight.add', text: `insight ${r.int(100)}` };
		if (pick === 5) return { type: 'facilitator.handOver', toUserId: r.pick(people).userId };
		return {
			type: 'tag.add',
			activityId: 1 + r.int(6),
			accountId: '00000000-0000-4000-8000-000000000101',
			signal: r.next() < 0.5 ? { kind: 'playbook', signalId: r.pick(['a-b', 'c-d']) } : { kind: 'new', name: r.pick(['X', 'y']) },
			polarity: r.pick(['positive', 'risk']),
			interpretation: 'why'
		};
	}

	it('replay, duplicate delivery and JSON trips always agree with the live state', () => {
		for (let seed = 1; seed <= 25; seed++) {
			const r = random(seed);
			const session = createLiveSession();
			for (let i = 0; i < 80; i++) {
				session.tick(r.int(3 * MIN));
				session.send(r.pick(people), randomCommand(r, Object.keys(session.state.tags)));
			}
			const replayed = replaySession(testPlan(), CAST.fran.userId, session.events);
			expect(replayed, `seed ${seed}`).toEqual(session.state);
			const twice = session.events.flatMap((e) => [e, e]);
			expect(replaySession(testPlan(), CAST.fran.userId, twice), `seed ${seed}`).toEqual(session.state);
			const seqs = session.events.map((e) => e.seq);
			expect(seqs, `seed ${seed}`).toEqual(seqs.map((_, i) => i + 1));
			const times = session.events.map((e) => Date.parse(e.at));
			expect(times, `seed ${seed}`).toEqual([...times].sort((a, b) => a - b));
		}
	});
});
