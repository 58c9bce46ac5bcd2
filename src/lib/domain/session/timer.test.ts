import { describe, expect, it } from 'vitest';
import {
	createTimer,
	estimateClockOffset,
	isOverrun,
	overrunMs,
	pauseTimer,
	remainingMs,
	usedMs,
	type ClockSample,
	type SessionTimer
} from './timer';

const T0 = Date.parse('2026-03-04T10:00:00.000Z');
const MIN = 60_000;

describe('item timers', () => {
	const running: SessionTimer = { ...createTimer(5), usedMs: 2 * MIN, runningSince: new Date(T0).toISOString() };

	it('counts earlier runs plus the current one', () => {
		expect(createTimer(5)).toEqual({ plannedMs: 5 * MIN, usedMs: 0, runningSince: null, extendedMs: 0 });
		expect(usedMs(running, T0 + MIN)).toBe(3 * MIN);
		expect(usedMs({ ...running, runningSince: null }, T0 + 99 * MIN)).toBe(2 * MIN);
	});

	it('never counts negative time when a clock is behind the run start', () => {
		expect(usedMs(running, T0 - 10_000)).toBe(2 * MIN);
	});

	it('reports remaining time and overrun, extensions included', () => {
		expect(remainingMs(running, T0 + MIN)).toBe(2 * MIN);
		expect(isOverrun(running, T0 + 3 * MIN)).toBe(false);
		expect(isOverrun(running, T0 + 3 * MIN + 1)).toBe(true);
		expect(overrunMs(running, T0 + 4 * MIN)).toBe(MIN);
		expect(remainingMs(running, T0 + 4 * MIN)).toBe(0);
		const extended = { ...running, extendedMs: 5 * MIN };
		expect(isOverrun(extended, T0 + 4 * MIN)).toBe(false);
		expect(remainingMs(extended, T0 + 4 * MIN)).toBe(4 * MIN);
	});

	it('pauses by folding the run into usedMs', () => {
		expect(pauseTimer(running, T0 + 30_000)).toEqual({ ...running, usedMs: 2 * MIN + 30_000, runningSince: null });
		const paused = createTimer(5);
		expect(pauseTimer(paused, T0)).toBe(paused);
	});
});

describe('estimateClockOffset', () => {
	/** A client whose clock is `skew` ms behind the server, with the given one-way delays. */
	const sample = (t: number, skew: number, up: number, down: number): ClockSample => ({
		clientSentMs: t,
		serverMs: t + skew + up,
		clientReceivedMs: t + up + down
	});

	it('recovers the skew exactly with symmetric delays', () => {
		const samples = [sample(1000, 5000, 20, 20), sample(2000, 5000, 40, 40), sample(3000, 5000, 10, 10)];
		expect(estimateClockOffset(samples)).toEqual({ offsetMs: 5000, roundTripMs: 30 });
	});

	it('trusts the fastest round trips, so one delayed packet does not drag it', () => {
		const samples = [
			sample(0, -1200, 5, 5),
			sample(100, -1200, 6, 4),
			sample(200, -1200, 4, 6),
			sample(300, -1200, 900, 10),
			sample(400, -1200, 10, 700),
			sample(500, -1200, 5, 5)
		];
		const estimate = estimateClockOffset(samples)!;
		expect(Math.abs(estimate.offsetMs - -1200)).toBeLessThanOrEqual(1);
		expect(estimate.roundTripMs).toBe(10);
	});

	it('keeps its error within half the round trip when delays are lopsided', () => {
		const estimate = estimateClockOffset([sample(0, 300, 80, 0)])!;
		expect(Math.abs(estimate.offsetMs - 300)).toBeLessThanOrEqual(estimate.roundTripMs / 2);
	});

	it('ignores impossible samples and says when there is nothing to go on', () => {
		expect(estimateClockOffset([])).toBeNull();
		expect(estimateClockOffset([{ clientSentMs: 10, serverMs: 5, clientReceivedMs: 5 }])).toBeNull();
		expect(estimateClockOffset([{ clientSentMs: Number.NaN, serverMs: 5, clientReceivedMs: 6 }])).toBeNull();
		expect(estimateClockOffset([{ clientSentMs: 10, serverMs: 5, clientReceivedMs: 5 }, sample(0, 7, 1, 1)])).toEqual({
			offsetMs: 7,
			roundTripMs: 2
		});
	});
});
