/**
 * The signal spotting challenge: the facilitator deals each participant an account, each finds one
 * positive and one risk signal in private, then the facilitator reveals every answer at once.
 */
import type { CommandOf } from './commands';
import { accept, refuse, type DecideContext, type Decision } from './decision';
import type { SpottingAnswer } from './events';
import { openSpottingRound } from './state';

type SpottingCommand = CommandOf<'spotting.deal' | 'spotting.answer' | 'spotting.reveal'>;

export function decideSpottingEvents(ctx: DecideContext, command: SpottingCommand): Decision {
	const round = openSpottingRound(ctx.state);
	if (command.type === 'spotting.deal') {
		if (round && Object.keys(round.answers).length > 0) {
			return refuse('Reveal the answers of the current round before dealing again, so no answer is lost.');
		}
		const assignments = Object.fromEntries(command.assignments.map((a) => [a.userId, a.accountId]));
		return accept(ctx.event('spotting.dealt', { dealId: ctx.commandId, assignments }));
	}
	const named = ctx.state.spottingRounds.find((r) => r.dealId === command.dealId);
	if (named?.revealed) return refuse('The answers of this round have been revealed; it is closed.');
	if (!round) return refuse('No round of signal spotting is open; the facilitator deals one first.');
	if (round.dealId !== command.dealId) return refuse('That round of signal spotting is over; a new one has been dealt.');
	if (command.type === 'spotting.reveal') {
		const answers: Record<string, SpottingAnswer> = {};
		for (const [userId, entry] of Object.entries(round.answers)) if (entry.answer) answers[userId] = entry.answer;
		if (Object.keys(answers).length === 0) return refuse('Nobody has answered yet; wait for at least one answer.');
		return accept(ctx.event('spotting.revealed', { dealId: round.dealId, answers }));
	}
	if (command.positive.activityId === command.risk.activityId) {
		return refuse('Pick two different events: one positive signal and one risk signal.');
	}
	const answer: SpottingAnswer = {
		positive: { activityId: command.positive.activityId, note: command.positive.note },
		risk: { activityId: command.risk.activityId, note: command.risk.note }
	};
	const previous = round.answers[ctx.actor.userId]?.answer;
	if (previous && sameAnswer(previous, answer)) return accept();
	return accept(
		ctx.event('spotting.answerSubmitted', { dealId: round.dealId, userId: ctx.actor.userId, answer })
	);
}

function sameAnswer(a: SpottingAnswer, b: SpottingAnswer): boolean {
	return (
		a.positive.activityId === b.positive.activityId &&
		a.positive.note === b.positive.note &&
		a.risk.activityId === b.risk.activityId &&
		a.risk.note === b.risk.note
	);
}

/**
 * A deal for the spotting challenge: participants in order get different accounts while there are
 * enough, then accounts are reused from the start. Deterministic, so the facilitator sees it first.
 */
export function dealAccounts(userIds: readonly string[], accountIds: readonly string[]): { userId: string; accountId: string }[] {
	if (accountIds.length === 0) return [];
	return [...new Set(userIds)].map((userId, i) => ({ userId, accountId: accountIds[i % accountIds.length] }));
}
