/**
 * The rows a command points at, so the server can check them all against the workspace in one
 * query before deciding, without knowing each command's shape. A command that names an account,
 * event, person or signal the workspace does not have is refused, not stored.
 */
import type { SessionCommand } from './commands';
import { openSpottingRound, type SessionState } from './state';

export interface CommandReferences {
	/** Must be members of the session's workspace who are not viewers. */
	userIds: string[];
	/** Must be accounts of the session's workspace. */
	accountIds: string[];
	/** Each activity must belong to that account (in the session's workspace). */
	activities: { activityId: number; accountId: string }[];
	/** Must be signals of the workspace's current playbook. */
	signalIds: string[];
}

/**
 * `actorId` is who sends the command: a spotting answer must come from the account they were dealt.
 * Without a state, references that depend on it (a spotting answer's events) are left out.
 */
export function listCommandReferences(
	state: SessionState | null,
	command: SessionCommand,
	actorId: string
): CommandReferences {
	const refs: CommandReferences = { userIds: [], accountIds: [], activities: [], signalIds: [] };
	switch (command.type) {
		case 'facilitator.handOver':
			refs.userIds.push(command.toUserId);
			break;
		case 'walkthrough.openAccount':
			refs.accountIds.push(command.accountId);
			break;
		case 'walkthrough.focusEvent':
			refs.accountIds.push(command.accountId);
			if (command.activityId !== null) refs.activities.push({ activityId: command.activityId, accountId: command.accountId });
			break;
		case 'tag.add':
			refs.accountIds.push(command.accountId);
			refs.activities.push({ activityId: command.activityId, accountId: command.accountId });
			if (command.signal.kind === 'playbook') refs.signalIds.push(command.signal.signalId);
			break;
		case 'tag.edit':
			if (command.signal.kind === 'playbook') refs.signalIds.push(command.signal.signalId);
			break;
		case 'spotting.deal':
			for (const a of command.assignments) {
				refs.userIds.push(a.userId);
				refs.accountIds.push(a.accountId);
			}
			break;
		case 'spotting.answer': {
			// Both events must come from the account this participant was dealt.
			const round = state && openSpottingRound(state);
			const accountId = round && round.dealId === command.dealId ? round.assignments[actorId] : undefined;
			if (accountId) {
				refs.activities.push({ activityId: command.positive.activityId, accountId });
				refs.activities.push({ activityId: command.risk.activityId, accountId });
			}
			break;
		}
		case 'calibration.rate':
		case 'calibration.reopen':
		case 'calibration.consensus':
			refs.accountIds.push(command.accountId);
			break;
		case 'calibration.reveal':
			if (command.accountId) refs.accountIds.push(command.accountId);
			break;
		case 'actionItem.add':
		case 'actionItem.update':
			refs.userIds.push(command.ownerId);
			if (command.accountId) refs.accountIds.push(command.accountId);
			break;
		case 'playbookChange.agree':
			if (command.signalId) refs.signalIds.push(command.signalId);
			break;
		case 'win.record':
			if (command.accountId) refs.accountIds.push(command.accountId);
			break;
	}
	return {
		userIds: [...new Set(refs.userIds)],
		accountIds: [...new Set(refs.accountIds)],
		activities: refs.activities,
		signalIds: [...new Set(refs.signalIds)]
	};
}
