/**
 * Agenda item timers. The server's clock is the only clock: a timer stores when it started
 * running in server time, and clients render it from server time (clock offset below).
 */

export interface SessionTimer {
	plannedMs: number;
	/** Time used before the current run. */
	usedMs: number;
	/** Server time the current run started, or null while paused. */
	runningSince: string | null;
	extendedMs: number;
}

export function createTimer(plannedMinutes: number): SessionTimer {
	return { plannedMs: plannedMinutes * 60_000, usedMs: 0, runningSince: null, extendedMs: 0 };
}

/** Time used up to `serverNowMs`; a run never counts negative time if clocks disagree. */
export function usedMs(timer: SessionTimer, serverNowMs: number): number {
	if (timer.runningSince === null) return timer.usedMs;
	return timer.usedMs + Math.max(0, serverNowMs - Date.parse(timer.runningSince));
}

export function allowedMs(timer: SessionTimer): number {
	return timer.plannedMs + timer.extendedMs;
}

/** Time left before the item overruns; 0 once it has. */
export function remainingMs(timer: SessionTimer, serverNowMs: number): number {
	return Math.max(0, allowedMs(timer) - usedMs(timer, serverNowMs));
}

/** How far past its planned (and extended) time the item has run; 0 when it has not. */
export function overrunMs(timer: SessionTimer, serverNowMs: number): number {
	return Math.max(0, usedMs(timer, serverNowMs) - allowedMs(timer));
}

export function isOverrun(timer: SessionTimer, serverNowMs: number): boolean {
	return overrunMs(timer, serverNowMs) > 0;
}

/** The timer with its current run closed at `atMs`. */
export function pauseTimer(timer: SessionTimer, atMs: number): SessionTimer {
	if (timer.runningSince === null) return timer;
	return { ...timer, usedMs: usedMs(timer, atMs), runningSince: null };
}

export interface ClockSample {
	/** Client clock when the ping left. */
	clientSentMs: number;
	/** Server clock when it answered. */
	serverMs: number;
	/** Client clock when the answer arrived. */
	clientReceivedMs: number;
}

export interface ClockOffset {
	/** Add to the client's Date.now() to get the server's time. */
	offsetMs: number;
	/** Round trip of the samples used (median), a bound on the estimate's error (± half of it). */
	roundTripMs: number;
}

/**
 * NTP-style estimate of server time minus client time. Each sample assumes the server answered
 * halfway through the round trip; the error is at most half the round trip, so only the faster
 * half of the samples count, and their median offset resists one delayed packet.
 * Returns null when no sample is usable.
 */
export function estimateClockOffset(samples: readonly ClockSample[]): ClockOffset | null {
	const usable = samples
		.filter(
			(s) =>
				Number.isFinite(s.clientSentMs) &&
				Number.isFinite(s.serverMs) &&
				Number.isFinite(s.clientReceivedMs) &&
				s.clientReceivedMs >= s.clientSentMs
		)
		.map((s) => ({
			roundTripMs: s.clientReceivedMs - s.clientSentMs,
			offsetMs: s.serverMs - (s.clientSentMs + s.clientReceivedMs) / 2
		}))
		.sort((a, b) => a.roundTripMs - b.roundTripMs || a.offsetMs - b.offsetMs);
	if (usable.length === 0) return null;
	const best = usable.slice(0, Math.ceil(usable.length / 2));
	return {
		offsetMs: median(best.map((s) => s.offsetMs)),
		roundTripMs: median(best.map((s) => s.roundTripMs))
	};
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
