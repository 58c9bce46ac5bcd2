/**
 * Who may send which command, given the session as it is now. Whether the command makes sense
 * (the tag exists, the timer is running, ...) is decideEvents' question, not this one's.
 */
import type { Department, Role } from '../crm/vocabulary';
import type { SessionCommand, SessionCommandType } from './commands';
import { findById, openSpottingRound, type SessionState } from './state';

export interface SessionActor {
	userId: string;
	/** Workspace role. */
	role: Role;
	department: Department;
}

/** Commands that steer the session for everyone: the current facilitator's (or an admin's). */
export const FACILITATOR_COMMANDS: ReadonlySet<SessionCommandType> = new Set<SessionCommandType>([
	'session.start',
	'session.end',
	'agenda.open',
	'timer.start',
	'timer.pause',
	'timer.extend',
	'facilitator.handOver',
	'walkthrough.openAccount',
	'walkthrough.focusEvent',
	'spotting.deal',
	'spotting.reveal',
	'calibration.reveal',
	'calibration.reopen',
	'calibration.consensus',
	'calibration.criteria',
	'playbookChange.agree',
	'playbookChange.remove'
]);

/** The current facilitator, or a workspace admin or owner stepping in. */
export function canFacilitate(state: SessionState, actor: SessionActor): boolean {
	return actor.userId === state.facilitatorId || actor.role === 'admin' || actor.role === 'owner';
}

/** null when `actor` may send `command` now; otherwise why not, in plain words. */
export function authorizeCommand(state: SessionState, command: SessionCommand, actor: SessionActor): string | null {
	if (actor.role === 'viewer') {
		return 'Viewers can watch the session but not take part. Ask an admin for the member role.';
	}
	if (state.status === 'ended') return 'The session has ended; nothing in it can change any more.';
	if (state.status === 'planned' && command.type !== 'session.start') {
		return 'The session has not started yet; wait for the facilitator to start it.';
	}
	if (FACILITATOR_COMMANDS.has(command.type) && !canFacilitate(state, actor)) {
		return 'Only the facilitator of this session can do that.';
	}
	const isModerator = canFacilitate(state, actor);
	switch (command.type) {
		case 'tag.edit':
		case 'tag.withdraw': {
			const tag = findById(state.tags, command.tagId);
			if (tag && tag.authorId !== actor.userId) return 'Only the person who made a tag can change or withdraw it.';
			return null;
		}
		case 'spotting.answer': {
			const round = openSpottingRound(state);
			if (round && round.dealId === command.dealId && !(actor.userId in round.assignments)) {
				return 'You were not dealt an account in this round of signal spotting.';
			}
			return null;
		}
		case 'insight.remove': {
			const insight = findById(state.insights, command.insightId);
			if (insight && insight.authorId !== actor.userId && !isModerator) {
				return 'Only the author of an insight or the facilitator can remove it.';
			}
			return null;
		}
		case 'actionItem.update':
		case 'actionItem.remove': {
			const item = findById(state.actionItems, command.actionItemId);
			if (item && item.authorId !== actor.userId && item.ownerId !== actor.userId && !isModerator) {
				return 'Only the person who added an action item, its owner or the facilitator can change it.';
			}
			return null;
		}
		case 'win.remove': {
			const win = findById(state.wins, command.winId);
			if (win && win.recordedBy !== actor.userId && !isModerator) {
				return 'Only the person who recorded a win or the facilitator can remove it.';
			}
			return null;
		}
		default:
			return null;
	}
}
