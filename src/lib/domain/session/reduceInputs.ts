/** The reducer's half for what participants put in: tags, spotting answers, calibration ratings and outcomes. */
import { reduceCalibration } from './reduceCalibration';
import type { SessionEvent, SpottingAnswerSealed, VisibleSessionEvent } from './events';
import {
	addOnce,
	currentItem,
	openSpottingRound,
	removeById,
	replaceById,
	type ActionItem,
	type SessionState,
	type SessionTag,
	type SpottingEntry,
	type SpottingRound
} from './state';

type SteeringType =
	| 'session.started'
	| 'session.ended'
	| 'agenda.itemOpened'
	| 'timer.started'
	| 'timer.paused'
	| 'timer.extended'
	| 'participant.joined'
	| 'participant.readySet'
	| 'facilitator.handedOver'
	| 'walkthrough.accountOpened'
	| 'walkthrough.eventFocused';

export type InputEvent = Exclude<VisibleSessionEvent, { type: SteeringType }>;

export function reduceInputs(state: SessionState, event: InputEvent): SessionState {
	switch (event.type) {
		case 'tag.added': {
			const { tagId, activityId, accountId, signal, polarity, interpretation, department } = event;
			const tag = {
				id: tagId,
				activityId,
				accountId,
				signal,
				polarity,
				interpretation,
				department,
				authorId: event.actorId,
				addedAt: event.at,
				editedAt: null
			};
			return { ...state, tags: [...state.tags, tag] };
		}
		case 'tag.edited': {
			const { signal, polarity, interpretation } = event;
			const edit = (tag: SessionTag) => ({ ...tag, signal, polarity, interpretation, editedAt: event.at });
			return { ...state, tags: replaceById(state.tags, event.tagId, edit) };
		}
		case 'tag.withdrawn':
			return { ...state, tags: removeById(state.tags, event.tagId) };
		case 'spotting.dealt':
			return {
				...dealRound(state, event),
				participantIds: Object.keys(event.assignments).reduce(addOnce, state.participantIds),
				reviewedAccountIds: Object.values(event.assignments).reduce(addOnce, state.reviewedAccountIds)
			};
		case 'spotting.answerSubmitted':
		case 'spotting.answerSealed':
			return recordAnswer(state, event);
		case 'spotting.revealed':
			return updateRound(state, event.dealId, (round) => {
				const answers: Record<string, SpottingEntry> = {};
				for (const [userId, answer] of Object.entries(event.answers)) {
					answers[userId] = { answeredAt: round.answers[userId]?.answeredAt ?? event.at, answer };
				}
				return { ...round, answers, revealed: true, revealedAt: event.at };
			});
		case 'calibration.rated':
		case 'calibration.ratingSealed':
		case 'calibration.revealed':
		case 'calibration.reopened':
		case 'calibration.consensusRecorded':
		case 'calibration.criteriaRecorded':
			return reduceCalibration(state, event);
		case 'insight.added': {
			const insight = { id: event.insightId, text: event.text, itemId: event.itemId, authorId: event.actorId, addedAt: event.at };
			return { ...state, insights: [...state.insights, insight] };
		}
		case 'insight.removed':
			return { ...state, insights: removeById(state.insights, event.insightId) };
		case 'actionItem.added': {
			const { actionItemId: id, title, ownerId, dueOn, accountId } = event;
			const item = { id, title, ownerId, dueOn, accountId, authorId: event.actorId, addedAt: event.at, updatedAt: null };
			return { ...state, actionItems: [...state.actionItems, item] };
		}
		case 'actionItem.updated': {
			const { title, ownerId, dueOn, accountId } = event;
			const update = (item: ActionItem) => ({ ...item, title, ownerId, dueOn, accountId, updatedAt: event.at });
			return { ...state, actionItems: replaceById(state.actionItems, event.actionItemId, update) };
		}
		case 'actionItem.removed':
			return { ...state, actionItems: removeById(state.actionItems, event.actionItemId) };
		case 'playbookChange.agreed': {
			const { changeId: id, text, signalId, evidenceTagIds } = event;
			const change = { id, text, signalId, evidenceTagIds, agreedBy: event.actorId, agreedAt: event.at };
			return { ...state, playbookChanges: [...state.playbookChanges, change] };
		}
		case 'playbookChange.removed':
			return { ...state, playbookChanges: removeById(state.playbookChanges, event.changeId) };
		case 'win.recorded': {
			const { winId: id, kind, accountId, text } = event;
			const win = { id, kind, accountId, text, recordedBy: event.actorId, recordedAt: event.at };
			return { ...state, wins: [...state.wins, win] };
		}
		case 'win.removed':
			return { ...state, wins: removeById(state.wins, event.winId) };
		default:
			// An event type this code does not know yet (a newer server): keep going without it.
			return state;
	}
}

/**
 * A new round goes after the others. A round still open with no answer in it is replaced instead:
 * the facilitator dealt again before anyone answered, so nothing of it is worth keeping.
 */
function dealRound(state: SessionState, event: Extract<SessionEvent, { type: 'spotting.dealt' }>): SessionState {
	const round: SpottingRound = {
		dealId: event.dealId,
		dealtAt: event.at,
		itemId: currentItem(state).id,
		assignments: event.assignments,
		answers: {},
		revealed: false,
		revealedAt: null
	};
	const last = state.spottingRounds.at(-1);
	const abandoned = last && !last.revealed && Object.keys(last.answers).length === 0;
	const kept = abandoned ? state.spottingRounds.slice(0, -1) : state.spottingRounds;
	return { ...state, spottingRounds: [...kept, round] };
}

/** `state` with the round of `dealId` changed (the same state when there is no such round). */
function updateRound(state: SessionState, dealId: string, change: (round: SpottingRound) => SpottingRound): SessionState {
	const index = state.spottingRounds.findIndex((r) => r.dealId === dealId);
	if (index < 0) return state;
	const rounds = state.spottingRounds.slice();
	rounds[index] = change(rounds[index]);
	return { ...state, spottingRounds: rounds };
}

/** Answers go to the open round only; a revealed round is closed. */
function recordAnswer(
	state: SessionState,
	event: Extract<SessionEvent, { type: 'spotting.answerSubmitted' }> | SpottingAnswerSealed
): SessionState {
	const round = openSpottingRound(state);
	if (!round || round.dealId !== event.dealId) return state;
	const answer = event.type === 'spotting.answerSubmitted' ? event.answer : null;
	return updateRound(state, round.dealId, (r) => ({ ...r, answers: { ...r.answers, [event.userId]: { answeredAt: event.at, answer } } }));
}
