/**
 * State = fold of events, the same code in browser and server. Immutable (a new object per change,
 * unchanged parts shared), deterministic, and safe to feed an event twice: an event whose seq was
 * already applied is ignored, and a gap throws MissingEventsError so the client fetches what it missed.
 */
import type { SessionEvent, VisibleSessionEvent } from './events';
import type { SessionPlan } from './plan';
import { reduceInputs, type InputEvent } from './reduceInputs';
import { addOnce, type SessionState } from './state';
import { createTimer, pauseTimer } from './timer';

/** The client missed events between its state and the one it received; fetch those after `lastSeq`. */
export class MissingEventsError extends Error {
	constructor(
		readonly lastSeq: number,
		readonly receivedSeq: number
	) {
		super(
			`Session events ${lastSeq + 1} to ${receivedSeq - 1} are missing (state is at ${lastSeq}, received ${receivedSeq}); fetch the events after ${lastSeq} and apply them first.`
		);
		this.name = 'MissingEventsError';
	}
}

export function initialSessionState(plan: SessionPlan, facilitatorId: string): SessionState {
	return {
		plan,
		status: 'planned',
		lastSeq: 0,
		lastEventAt: null,
		startedAt: null,
		endedAt: null,
		facilitatorId,
		participantIds: [...new Set([facilitatorId, ...plan.participantIds])],
		attendeeIds: [],
		currentItemIndex: 0,
		timers: Object.fromEntries(plan.agenda.map((item) => [item.id, createTimer(item.plannedMinutes)])),
		ready: Object.fromEntries(plan.agenda.map((item) => [item.id, []])),
		walkthrough: { accountId: null, focusedActivityId: null },
		reviewedAccountIds: [],
		tags: [],
		spottingRounds: [],
		calibrations: [],
		insights: [],
		actionItems: [],
		playbookChanges: [],
		wins: []
	};
}

export function reduceSession(state: SessionState, event: VisibleSessionEvent): SessionState {
	if (!Number.isSafeInteger(event.seq) || event.seq < 1) {
		throw new Error(`A session event needs a positive whole seq; got ${String(event.seq)}.`);
	}
	if (event.seq <= state.lastSeq) return state;
	if (event.seq !== state.lastSeq + 1) throw new MissingEventsError(state.lastSeq, event.seq);
	const lastEventAt =
		state.lastEventAt !== null && Date.parse(state.lastEventAt) > Date.parse(event.at) ? state.lastEventAt : event.at;
	const next: SessionState = {
		...state,
		lastSeq: event.seq,
		lastEventAt,
		participantIds: addOnce(state.participantIds, event.actorId),
		attendeeIds: addOnce(state.attendeeIds, event.actorId)
	};
	return applyEvent(next, event);
}

/** Applies events in order to `state` (events already applied are skipped). */
export function applyEvents(state: SessionState, events: Iterable<VisibleSessionEvent>): SessionState {
	let current = state;
	for (const event of events) current = reduceSession(current, event);
	return current;
}

/** The state after `events`, from the plan as it was when the session was created. */
export function replaySession(plan: SessionPlan, facilitatorId: string, events: Iterable<SessionEvent>): SessionState {
	return applyEvents(initialSessionState(plan, facilitatorId), events);
}

function applyEvent(state: SessionState, event: VisibleSessionEvent): SessionState {
	switch (event.type) {
		case 'session.started':
			return { ...state, status: 'live', startedAt: event.at, currentItemIndex: 0 };
		case 'session.ended':
			return { ...state, status: 'ended', endedAt: event.at, timers: pauseAll(state.timers, event.at) };
		case 'agenda.itemOpened': {
			const index = state.plan.agenda.findIndex((item) => item.id === event.itemId);
			return index < 0 ? state : { ...state, currentItemIndex: index };
		}
		case 'timer.started':
			return updateTimer(state, event.itemId, (t) => (t.runningSince === null ? { ...t, runningSince: event.at } : t));
		case 'timer.paused':
			return updateTimer(state, event.itemId, (t) => pauseTimer(t, Date.parse(event.at)));
		case 'timer.extended':
			return updateTimer(state, event.itemId, (t) => ({ ...t, extendedMs: t.extendedMs + event.minutes * 60_000 }));
		case 'participant.joined':
			// The actor is the person joining, already counted above.
			return state;
		case 'participant.readySet': {
			const current = state.ready[event.itemId] ?? [];
			const has = current.includes(event.userId);
			if (has === event.ready) return state;
			const ready = event.ready ? [...current, event.userId].sort() : current.filter((id) => id !== event.userId);
			return { ...state, ready: { ...state.ready, [event.itemId]: ready } };
		}
		case 'facilitator.handedOver':
			return {
				...state,
				facilitatorId: event.toUserId,
				participantIds: addOnce(state.participantIds, event.toUserId)
			};
		case 'walkthrough.accountOpened':
			return {
				...state,
				walkthrough: { accountId: event.accountId, focusedActivityId: null },
				reviewedAccountIds: addOnce(state.reviewedAccountIds, event.accountId)
			};
		case 'walkthrough.eventFocused':
			if (state.walkthrough.accountId !== event.accountId) return state;
			return { ...state, walkthrough: { ...state.walkthrough, focusedActivityId: event.activityId } };
		default:
			return reduceInputs(state, event satisfies InputEvent);
	}
}

function updateTimer(
	state: SessionState,
	itemId: string,
	change: (timer: SessionState['timers'][string]) => SessionState['timers'][string]
): SessionState {
	const timer = state.timers[itemId];
	if (!timer) return state;
	return { ...state, timers: { ...state.timers, [itemId]: change(timer) } };
}

function pauseAll(timers: SessionState['timers'], at: string): SessionState['timers'] {
	const atMs = Date.parse(at);
	return Object.fromEntries(Object.entries(timers).map(([id, timer]) => [id, pauseTimer(timer, atMs)]));
}
