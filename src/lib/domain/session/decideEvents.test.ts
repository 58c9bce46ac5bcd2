import { describe, expect, it } from 'vitest';
import { parseCommand } from './commands';
import { decideEvents } from './decideEvents';
import { ACCOUNTS, CAST, createLiveSession, createTestSession, START, testId } from './testSession';
import { usedMs } from './timer';

const MIN = 60_000;

function refusal(result: { ok: boolean; refusal?: string }): string | undefined {
	return result.ok ? undefined : result.refusal;
}

describe('decideEvents: running the agenda', () => {
	it('starts the session with the first item’s clock running, stamped with server time', () => {
		const session = createTestSession();
		const result = session.send(CAST.fran, { type: 'session.start', commandId: testId(500) });
		expect(result).toMatchObject({
			ok: true,
			events: [
				{ seq: 1, type: 'session.started', at: START.toISOString(), actorId: CAST.fran.userId, commandId: testId(500) },
				{ seq: 2, type: 'timer.started', itemId: 'objective', commandId: testId(500) }
			]
		});
		expect(session.state.status).toBe('live');
		expect(session.state.timers.objective.runningSince).toBe(START.toISOString());
		expect(refusal(session.send(CAST.fran, { type: 'session.start' }))).toBe('The session has already started.');
	});

	it('moves forward and back, pausing the item left and starting the one opened', () => {
		const session = createLiveSession();
		session.tick(4 * MIN);
		const opened = session.send(CAST.fran, { type: 'agenda.open', itemId: 'journey' });
		expect(opened.ok && opened.events.map((e) => e.type)).toEqual(['timer.paused', 'agenda.itemOpened', 'timer.started']);
		expect(session.state.currentItemIndex).toBe(1);
		session.must(CAST.sam, { type: 'insight.add', text: 'kept when going back' });
		session.tick(MIN);
		session.must(CAST.fran, { type: 'agenda.open', itemId: 'objective' });
		expect(session.state.currentItemIndex).toBe(0);
		expect(session.state.insights).toHaveLength(1);
		expect(session.state.timers.journey).toMatchObject({ usedMs: MIN, runningSince: null });
		expect(session.state.timers.objective.usedMs).toBe(4 * MIN);
		expect(session.state.timers.objective.runningSince).not.toBeNull();
		expect(refusal(session.send(CAST.fran, { type: 'agenda.open', itemId: 'objective' }))).toMatch(/already open/);
		expect(refusal(session.send(CAST.fran, { type: 'agenda.open', itemId: 'karaoke' }))).toMatch(/not on the agenda/);
	});

	it('does not emit a pause when the clock of the item left was already paused', () => {
		const session = createLiveSession();
		session.must(CAST.fran, { type: 'timer.pause', itemId: 'objective' });
		const opened = session.send(CAST.fran, { type: 'agenda.open', itemId: 'signals' });
		expect(opened.ok && opened.events.map((e) => e.type)).toEqual(['agenda.itemOpened', 'timer.started']);
	});

	it('starts, pauses and extends timers with clear refusals', () => {
		const session = createLiveSession();
		expect(refusal(session.send(CAST.fran, { type: 'timer.start', itemId: 'objective' }))).toBe('That timer is already running.');
		expect(refusal(session.send(CAST.fran, { type: 'timer.start', itemId: 'journey' }))).toMatch(/Open this agenda item/);
		expect(refusal(session.send(CAST.fran, { type: 'timer.pause', itemId: 'journey' }))).toBe('That timer is not running.');
		session.tick(30_000);
		session.must(CAST.fran, { type: 'timer.pause', itemId: 'objective' });
		session.tick(10 * MIN);
		session.must(CAST.fran, { type: 'timer.start', itemId: 'objective' });
		session.must(CAST.fran, { type: 'timer.extend', itemId: 'objective', minutes: 5 });
		session.must(CAST.fran, { type: 'timer.extend', itemId: 'trends', minutes: 2 });
		session.tick(30_000);
		const timer = session.state.timers.objective;
		expect(usedMs(timer, session.now.getTime())).toBe(MIN);
		expect(timer.extendedMs).toBe(5 * MIN);
		expect(session.state.timers.trends.extendedMs).toBe(2 * MIN);
		expect(refusal(session.send(CAST.fran, { type: 'timer.extend', itemId: 'nope', minutes: 2 }))).toMatch(/not on the agenda/);
	});

	it('marks participants ready per item, and accepts repeats without new events', () => {
		const session = createLiveSession();
		session.must(CAST.sue, { type: 'ready.set', itemId: 'objective', ready: true });
		session.must(CAST.sam, { type: 'ready.set', itemId: 'objective', ready: true });
		expect(session.state.ready.objective).toEqual([CAST.sam.userId, CAST.sue.userId].sort());
		expect(session.send(CAST.sam, { type: 'ready.set', itemId: 'objective', ready: true })).toMatchObject({ ok: true, events: [] });
		session.must(CAST.sam, { type: 'ready.set', itemId: 'objective', ready: false });
		expect(session.state.ready.objective).toEqual([CAST.sue.userId]);
		expect(session.state.ready.journey).toEqual([]);
	});

	it('hands the facilitator role to someone taking part', () => {
		const session = createLiveSession();
		expect(refusal(session.send(CAST.fran, { type: 'facilitator.handOver', toUserId: CAST.fran.userId }))).toMatch(
			/already the facilitator/
		);
		expect(refusal(session.send(CAST.fran, { type: 'facilitator.handOver', toUserId: testId(77) }))).toMatch(
			/someone taking part/
		);
		session.must(CAST.fran, { type: 'facilitator.handOver', toUserId: CAST.sue.userId });
		expect(session.state.facilitatorId).toBe(CAST.sue.userId);
		expect(session.events.at(-1)).toMatchObject({ fromUserId: CAST.fran.userId, toUserId: CAST.sue.userId });
		session.must(CAST.sue, { type: 'timer.pause', itemId: 'objective' });
	});

	it('lets the facilitator open accounts and point at events for everyone to follow', () => {
		const session = createTestSession();
		session.must(CAST.fran, { type: 'session.start' });
		expect(
			refusal(session.send(CAST.fran, { type: 'walkthrough.focusEvent', accountId: ACCOUNTS.acme, activityId: 3 }))
		).toMatch(/Open an account/);
		session.must(CAST.fran, { type: 'walkthrough.openAccount', accountId: ACCOUNTS.acme });
		session.must(CAST.fran, { type: 'walkthrough.focusEvent', accountId: ACCOUNTS.acme, activityId: 3 });
		expect(session.state.walkthrough).toEqual({ accountId: ACCOUNTS.acme, focusedActivityId: 3 });
		expect(session.send(CAST.fran, { type: 'walkthrough.focusEvent', accountId: ACCOUNTS.acme, activityId: 3 })).toMatchObject({
			events: []
		});
		expect(session.send(CAST.fran, { type: 'walkthrough.openAccount', accountId: ACCOUNTS.acme })).toMatchObject({ events: [] });
		session.must(CAST.fran, { type: 'walkthrough.openAccount', accountId: ACCOUNTS.globex });
		expect(session.state.walkthrough).toEqual({ accountId: ACCOUNTS.globex, focusedActivityId: null });
		expect(
			refusal(session.send(CAST.fran, { type: 'walkthrough.focusEvent', accountId: ACCOUNTS.acme, activityId: 3 }))
		).toMatch(/Another account is open/);
		session.must(CAST.fran, { type: 'walkthrough.openAccount', accountId: ACCOUNTS.acme });
		expect(session.state.reviewedAccountIds).toEqual([ACCOUNTS.acme, ACCOUNTS.globex]);
	});

	it('ends the session, stopping the running clock', () => {
		const session = createLiveSession();
		session.tick(3 * MIN);
		const ended = session.send(CAST.fran, { type: 'session.end' });
		expect(ended.ok && ended.events.map((e) => e.type)).toEqual(['timer.paused', 'session.ended']);
		expect(session.state).toMatchObject({ status: 'ended', endedAt: session.now.toISOString() });
		expect(session.state.timers.objective).toMatchObject({ usedMs: 3 * MIN, runningSince: null });
	});
});

describe('decideEvents: determinism and time', () => {
	const input = { type: 'insight.add', commandId: testId(600), text: 'Same every time' };

	it('decides the same events for the same state, command, actor and time', () => {
		const session = createLiveSession();
		const parsed = parseCommand(input);
		if (!parsed.ok) throw new Error(parsed.message);
		const a = decideEvents(session.state, parsed.command, CAST.sam, session.now);
		const b = decideEvents(structuredClone(session.state), parsed.command, CAST.sam, new Date(session.now));
		expect(a).toEqual(b);
		expect(a).toMatchObject({ ok: true, events: [{ insightId: testId(600), commandId: testId(600) }] });
	});

	it('never stamps an event earlier than the last one, whatever the node’s clock says', () => {
		const session = createLiveSession();
		session.tick(MIN);
		session.must(CAST.sam, { type: 'insight.add', text: 'later' });
		const lastAt = session.state.lastEventAt;
		session.now = new Date(START.getTime() - 5 * MIN);
		const result = session.send(CAST.sam, { type: 'insight.add', text: 'clock went back' });
		expect(result.ok && result.events[0].at).toBe(lastAt);
	});

	it('refuses to decide with an invalid clock', () => {
		const session = createLiveSession();
		const parsed = parseCommand(input);
		if (!parsed.ok) throw new Error(parsed.message);
		expect(() => decideEvents(session.state, parsed.command, CAST.sam, new Date('nope'))).toThrow(/valid Date/);
	});
});
