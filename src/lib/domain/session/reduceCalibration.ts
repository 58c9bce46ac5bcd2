/** The reducer's half for lead qualification calibrations (see decideCalibration.ts). */
import { krippendorffAlphaInterval } from '../scoring/krippendorffAlpha';
import type { SessionEvent, CalibrationRatingSealed } from './events';
import type { Calibration, CalibrationAgreement, CalibrationLead, CalibrationRating, SessionState } from './state';

type CalibrationEvent =
	| Extract<
			SessionEvent,
			{ type: 'calibration.rated' | 'calibration.revealed' | 'calibration.reopened' | 'calibration.consensusRecorded' | 'calibration.criteriaRecorded' }
	  >
	| CalibrationRatingSealed;

export function reduceCalibration(state: SessionState, event: CalibrationEvent): SessionState {
	switch (event.type) {
		case 'calibration.rated':
		case 'calibration.ratingSealed': {
			const rating: CalibrationRating =
				event.type === 'calibration.rated'
					? { ratedAt: event.at, score: event.score, reason: event.reason, department: event.department }
					: { ratedAt: event.at, score: null, reason: null, department: null };
			return updateLead(state, event.itemId, event.accountId, (lead) =>
				lead.revealed ? lead : { ...lead, ratings: { ...lead.ratings, [event.userId]: rating } }
			);
		}
		case 'calibration.revealed': {
			let next = state;
			for (const revealed of event.leads) {
				next = updateLead(next, event.itemId, revealed.accountId, (lead) => {
					const ratings: Record<string, CalibrationRating> = {};
					for (const [userId, r] of Object.entries(revealed.ratings)) {
						ratings[userId] = { ratedAt: lead.ratings[userId]?.ratedAt ?? event.at, score: r.score, reason: r.reason, department: r.department };
					}
					return { ...lead, ratings, revealed: true, revealedAt: event.at };
				});
			}
			return withAgreement(next, event.itemId);
		}
		case 'calibration.reopened': {
			const next = updateLead(state, event.itemId, event.accountId, (lead) => {
				if (!lead.revealed) return lead;
				const ratings: Record<string, { score: number; reason: string | null; department: NonNullable<CalibrationRating['department']> }> = {};
				for (const [userId, r] of Object.entries(lead.ratings)) {
					if (r.score !== null && r.department !== null) ratings[userId] = { score: r.score, reason: r.reason, department: r.department };
				}
				const round = { ratings, revealedAt: lead.revealedAt ?? event.at };
				return { ...lead, ratings: {}, revealed: false, revealedAt: null, consensus: null, earlierRounds: [...lead.earlierRounds, round] };
			});
			return withAgreement(next, event.itemId);
		}
		case 'calibration.consensusRecorded':
			return updateLead(state, event.itemId, event.accountId, (lead) => ({
				...lead,
				consensus: { score: event.score, recordedBy: event.actorId, recordedAt: event.at }
			}));
		case 'calibration.criteriaRecorded':
			return updateCalibration(state, event.itemId, (c) => ({ ...c, criteria: { text: event.text, recordedBy: event.actorId, recordedAt: event.at } }));
	}
}

const NO_AGREEMENT: CalibrationAgreement = { alpha: null, leads: 0, ratings: 0 };

function updateCalibration(state: SessionState, itemId: string, change: (c: Calibration) => Calibration): SessionState {
	const calibrations = state.calibrations ?? [];
	const index = calibrations.findIndex((c) => c.itemId === itemId);
	const current = index >= 0 ? calibrations[index] : { itemId, leads: [], criteria: null, agreement: NO_AGREEMENT };
	const next = calibrations.slice();
	if (index >= 0) next[index] = change(current);
	else next.push(change(current));
	return { ...state, calibrations: next };
}

function updateLead(state: SessionState, itemId: string, accountId: string, change: (lead: CalibrationLead) => CalibrationLead): SessionState {
	return updateCalibration(state, itemId, (c) => {
		const index = c.leads.findIndex((l) => l.accountId === accountId);
		const current: CalibrationLead =
			index >= 0 ? c.leads[index] : { accountId, ratings: {}, revealed: false, revealedAt: null, earlierRounds: [], consensus: null };
		const leads = c.leads.slice();
		if (index >= 0) leads[index] = change(current);
		else leads.push(change(current));
		return { ...c, leads };
	});
}

/** Krippendorff's alpha over the revealed leads: each lead a unit, each rater a coder. */
function withAgreement(state: SessionState, itemId: string): SessionState {
	return updateCalibration(state, itemId, (c) => {
		const units = c.leads.filter((l) => l.revealed).map((l) => Object.values(l.ratings).map((r) => r.score));
		const result = krippendorffAlphaInterval(units);
		return { ...c, agreement: { alpha: result.alpha, leads: result.units, ratings: result.pairable } };
	});
}
