/**
 * Sealed inputs: what one viewer may see. Before the reveal a signal spotting answer belongs to its
 * author alone; everyone else, the facilitator too, learns only that the person answered. The
 * server sends clients nothing but projections, so a sealed answer never leaves it before the reveal.
 */
import type { SpottingAnswerSealed, VisibleSessionEvent } from './events';
import type { SessionState, SpottingEntry, SpottingRound } from './state';

export interface SessionViewer {
	userId: string;
}

/** The event as `viewer` may receive it. */
export function projectEventFor(event: VisibleSessionEvent, viewer: SessionViewer): VisibleSessionEvent {
	if (event.type !== 'spotting.answerSubmitted' || event.userId === viewer.userId) return event;
	const sealed: SpottingAnswerSealed = {
		seq: event.seq,
		at: event.at,
		actorId: event.actorId,
		commandId: event.commandId,
		type: 'spotting.answerSealed',
		dealId: event.dealId,
		userId: event.userId
	};
	return sealed;
}

/** The state as `viewer` may receive it (a late joiner's snapshot). */
export function projectStateFor(state: SessionState, viewer: SessionViewer): SessionState {
	if (state.spottingRounds.every((round) => round.revealed)) return state;
	return { ...state, spottingRounds: state.spottingRounds.map((round) => (round.revealed ? round : sealRound(round, viewer))) };
}

function sealRound(round: SpottingRound, viewer: SessionViewer): SpottingRound {
	const answers: Record<string, SpottingEntry> = {};
	for (const [userId, entry] of Object.entries(round.answers)) {
		answers[userId] = userId === viewer.userId ? entry : { answeredAt: entry.answeredAt, answer: null };
	}
	return { ...round, answers };
}
