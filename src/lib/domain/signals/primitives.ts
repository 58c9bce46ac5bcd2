/**
 * Where each time-based rule holds, as segments within the evaluation range [start, end), where
 * start is the start of history and end is now + 1 ms (so "now" itself is inside).
 * Events are the matching activities, sorted by (time, id).
 */
import { NO_EVIDENCE, type EvidenceEvent, type Segment } from './intervals';
import type { CountOperator } from './rule';

/** A matching activity: its id and occurredAt in ms since the epoch. */
export type TimedEvent = EvidenceEvent;

export interface Range {
	start: number;
	end: number;
}

function compare(n: number, op: CountOperator, target: number): boolean {
	if (op === '>=') return n >= target;
	if (op === '>') return n > target;
	if (op === '=') return n === target;
	if (op === '<=') return n <= target;
	return n < target;
}

/** The points where a sliding window (t - length, t] over these times gains or loses one. */
function windowPoints(times: number[], length: number, range: Range): number[] {
	const points = new Set([range.start]);
	for (const t of times) {
		for (const p of [t, t + length]) if (p > range.start && p < range.end) points.add(p);
	}
	return [...points].sort((a, b) => a - b);
}

/**
 * For each piece between window points, the slice [lo, hi) of `times` inside (p - length, p].
 * The slice is the same everywhere in the piece, since no time enters or leaves inside it.
 */
function slidingWindow(
	times: number[],
	length: number,
	range: Range,
	visit: (from: number, to: number, lo: number, hi: number) => void
): void {
	const points = windowPoints(times, length, range);
	let lo = 0;
	let hi = 0;
	points.forEach((p, i) => {
		while (hi < times.length && times[hi] <= p) hi++;
		while (lo < times.length && times[lo] <= p - length) lo++;
		visit(p, points[i + 1] ?? range.end, lo, hi);
	});
}

/**
 * `count(E) OP n within D`: holds at t when the events in (t - D, t] number OP n. `<`, `<=` and
 * `=` also need a whole window inside history (t >= start + D). Evidence: the events in the window.
 */
export function countSegments(events: TimedEvent[], op: CountOperator, n: number, length: number, range: Range): Segment[] {
	const needsFullWindow = op === '<' || op === '<=' || op === '=';
	const earliest = needsFullWindow ? range.start + length : range.start;
	const out: Segment[] = [];
	const times = events.map((e) => e.at);
	slidingWindow(times, length, range, (from, to, lo, hi) => {
		const start = Math.max(from, earliest);
		if (start < to && compare(hi - lo, op, n)) {
			out.push({ from: start, to, evidence: () => events.slice(lo, hi) });
		}
	});
	return out;
}

/**
 * `no(E) for D`: holds at t when no event is in (t - D, t] and t >= start + D, so from D after an
 * event (or after the start of history) until the next event. Evidence: the event before the gap.
 */
export function absenceSegments(events: TimedEvent[], length: number, range: Range): Segment[] {
	const out: Segment[] = [];
	const push = (from: number, to: number, evidence: Segment['evidence']) => {
		const clipped = Math.min(to, range.end);
		if (from < clipped) out.push({ from, to: clipped, evidence });
	};
	push(range.start + length, events[0]?.at ?? range.end, NO_EVIDENCE);
	events.forEach((e, i) => push(e.at + length, events[i + 1]?.at ?? range.end, () => [e]));
	return out;
}

/**
 * `A then B within D`: each B at tB with an A at tA < tB and tB - tA <= D makes the rule hold on
 * [tB, tB + D). Evidence: each such B with the latest A before it.
 */
export function sequenceSegments(firsts: TimedEvent[], thens: TimedEvent[], length: number, range: Range): Segment[] {
	const pairs: { at: number; events: [TimedEvent, TimedEvent] }[] = [];
	let before = 0;
	for (const b of thens) {
		while (before < firsts.length && firsts[before].at < b.at) before++;
		const a = firsts[before - 1];
		if (a !== undefined && b.at - a.at <= length) pairs.push({ at: b.at, events: [a, b] });
	}
	const out: Segment[] = [];
	slidingWindow(
		pairs.map((p) => p.at),
		length,
		range,
		(from, to, lo, hi) => {
			if (hi > lo) out.push({ from, to, evidence: () => pairs.slice(lo, hi).flatMap((p) => p.events) });
		}
	);
	return out;
}
