/** The outcome of deciding a command, and the small helpers the deciders share. */
import type { SessionActor } from './authorizeCommand';
import type { EventBase, NewSessionEvent, SessionEvent, SessionEventType } from './events';
import type { SessionState } from './state';

/** Accepted with the events to append (possibly none: nothing changes), or refused with why. */
export type Decision = { ok: true; events: NewSessionEvent[] } | { ok: false; refusal: string };

export type EventPayload<T extends SessionEventType> = Omit<Extract<SessionEvent, { type: T }>, keyof EventBase | 'type'>;

/** What every decider needs: the state, who acts, when (server time), and the command's id. */
export interface DecideContext {
	state: SessionState;
	actor: SessionActor;
	at: string;
	commandId: string;
	event<T extends SessionEventType>(type: T, payload: EventPayload<T>): NewSessionEvent;
}

export function createDecideContext(
	state: SessionState,
	actor: SessionActor,
	commandId: string,
	now: Date
): DecideContext {
	const at = eventTime(state, now);
	return {
		state,
		actor,
		at,
		commandId,
		event: (type, payload) => ({ ...payload, type, at, actorId: actor.userId, commandId }) as NewSessionEvent
	};
}

/** Server time for new events: `now`, but never before the last event (another app node's clock may lead). */
export function eventTime(state: SessionState, now: Date): string {
	const nowMs = now.getTime();
	if (!Number.isFinite(nowMs)) throw new Error('decideEvents needs a valid Date for now.');
	const lastMs = state.lastEventAt === null ? -Infinity : Date.parse(state.lastEventAt);
	return new Date(Math.max(nowMs, lastMs)).toISOString();
}

export function accept(...events: NewSessionEvent[]): Decision {
	return { ok: true, events };
}

export function refuse(refusal: string): Decision {
	return { ok: false, refusal };
}
