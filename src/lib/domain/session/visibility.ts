/**
 * Sealed inputs: what one viewer may see. Before the reveal a signal spotting answer (or a lead's
 * calibration rating) belongs to its author alone; everyone else, the facilitator too, learns only that the person answered. The
 * server sends clients nothing but projections, so a sealed answer never leaves it before the reveal.
 */
import type { CalibrationRatingSealed, SpottingAnswerSealed, VisibleSessionEvent } from './events';
import type { CalibrationLead, CalibrationRating, SessionState, SpottingEntry, SpottingRound } from './state';

export interface SessionViewer {
	userId: string;
}

/** The event as `viewer` may receive it. */
export function projectEventFor(event: VisibleSessionEvent, viewer: SessionViewer): VisibleSessionEvent {
	if (event.type === 'calibration.rated' && event.userId !== viewer.userId) {
		const sealed: CalibrationRatingSealed = {
			seq: event.seq,
			at: event.at,
			actorId: event.actorId,
			commandId: event.commandId,
			type: 'calibration.ratingSealed',
			itemId: event.itemId,
			accountId: event.accountId,
			userId: event.userId
		};
		return sealed;
	}
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
	const openRounds = state.spottingRounds.some((round) => !round.revealed);
	const openLeads = state.calibrations.some((c) => c.leads.some((lead) => !lead.revealed));
	if (!openRounds && !openLeads) return state;
	return {
		...state,
		spottingRounds: openRounds ? state.spottingRounds.map((round) => (round.revealed ? round : sealRound(round, viewer))) : state.spottingRounds,
		calibrations: openLeads
			? state.calibrations.map((c) => ({ ...c, leads: c.leads.map((lead) => (lead.revealed ? lead : sealLead(lead, viewer))) }))
			: state.calibrations
	};
}

function sealLead(lead: CalibrationLead, viewer: SessionViewer): CalibrationLead {
	const ratings: Record<string, CalibrationRating> = {};
	for (const [userId, rating] of Object.entries(lead.ratings)) {
		ratings[userId] = userId === viewer.userId ? rating : { ratedAt: rating.ratedAt, score: null, reason: null, department: null };
	}
	return { ...lead, ratings };
}

function sealRound(round: SpottingRound, viewer: SessionViewer): SpottingRound {
	const answers: Record<string, SpottingEntry> = {};
	for (const [userId, entry] of Object.entries(round.answers)) {
		answers[userId] = userId === viewer.userId ? entry : { answeredAt: entry.answeredAt, answer: null };
	}
	return { ...round, answers };
}
