/**
 * Lead qualification calibration: participants rate each lead 0-100 in private; the facilitator
 * reveals one lead or all, can reopen a lead for a new vote, and records the consensus score and
 * the criteria the team agreed on.
 */
import type { CommandOf } from './commands';
import { accept, refuse, type DecideContext, type Decision } from './decision';
import type { RevealedRating } from './events';
import { calibrationLeadIds, findCalibration, type CalibrationLead } from './state';

type CalibrationCommand = CommandOf<
	'calibration.rate' | 'calibration.reveal' | 'calibration.reopen' | 'calibration.consensus' | 'calibration.criteria'
>;

const NOT_CALIBRATION = 'That agenda item does not run a lead qualification calibration.';
const NOT_A_LEAD = 'That account is not one of the leads of this calibration.';

export function decideCalibrationEvents(ctx: DecideContext, command: CalibrationCommand): Decision {
	const leadIds = calibrationLeadIds(ctx.state, command.itemId);
	if (leadIds.length === 0) return refuse(NOT_CALIBRATION);
	const calibration = findCalibration(ctx.state, command.itemId);
	const leadOf = (accountId: string) => calibration?.leads.find((l) => l.accountId === accountId) ?? null;
	const { itemId } = command;
	switch (command.type) {
		case 'calibration.criteria':
			if (calibration?.criteria?.text === command.text) return accept();
			return accept(ctx.event('calibration.criteriaRecorded', { itemId, text: command.text }));
		case 'calibration.reveal': {
			if (command.accountId !== null && !leadIds.includes(command.accountId)) return refuse(NOT_A_LEAD);
			const candidates = (calibration?.leads ?? []).filter((l) => command.accountId === null || l.accountId === command.accountId);
			const open = candidates.filter((l) => !l.revealed && Object.keys(l.ratings).length > 0);
			if (open.length === 0) {
				if (command.accountId !== null && candidates[0]?.revealed) return refuse('That lead is already revealed.');
				return refuse('Nobody has rated yet; wait for at least one rating.');
			}
			return accept(ctx.event('calibration.revealed', { itemId, leads: open.map((l) => ({ accountId: l.accountId, ratings: revealRatings(l) })) }));
		}
	}
	if (!leadIds.includes(command.accountId)) return refuse(NOT_A_LEAD);
	const lead = leadOf(command.accountId);
	const { accountId } = command;
	switch (command.type) {
		case 'calibration.rate': {
			if (lead?.revealed) return refuse('The ratings of this lead are revealed; the facilitator can reopen it for a new vote.');
			const mine = lead?.ratings[ctx.actor.userId];
			if (mine && mine.score === command.score && mine.reason === command.reason) return accept();
			return accept(
				ctx.event('calibration.rated', {
					itemId,
					accountId,
					userId: ctx.actor.userId,
					department: ctx.actor.department,
					score: command.score,
					reason: command.reason
				})
			);
		}
		case 'calibration.reopen':
			if (!lead?.revealed) return refuse('Only a revealed lead can be reopened for a new vote.');
			return accept(ctx.event('calibration.reopened', { itemId, accountId }));
		case 'calibration.consensus':
			if (!lead?.revealed) return refuse('Reveal the ratings of this lead before recording the consensus.');
			if (lead.consensus?.score === command.score) return accept();
			return accept(ctx.event('calibration.consensusRecorded', { itemId, accountId, score: command.score }));
	}
}

/** The lead's ratings in full (the server's state holds every value). */
function revealRatings(lead: CalibrationLead): Record<string, RevealedRating> {
	const ratings: Record<string, RevealedRating> = {};
	for (const [userId, r] of Object.entries(lead.ratings)) {
		if (r.score !== null && r.department !== null) ratings[userId] = { score: r.score, reason: r.reason, department: r.department };
	}
	return ratings;
}
