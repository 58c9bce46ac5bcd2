/**
 * The business rules of a live session: given the state, a parsed command, who sends it and the
 * server's clock, which events to append, or why not. Pure and deterministic: the same inputs
 * always give the same events, so the browser can predict and the server can retry.
 */
import { authorizeCommand, type SessionActor } from './authorizeCommand';
import type { CommandOf, SessionCommand } from './commands';
import { accept, createDecideContext, refuse, type DecideContext, type Decision } from './decision';
import { decideCalibrationEvents } from './decideCalibration';
import { decideOutcomeEvents } from './decideOutcomes';
import { decideSpottingEvents } from './decideSpotting';
import { decideTagEvents } from './decideTags';
import type { NewSessionEvent } from './events';
import { currentItem, type SessionState } from './state';

export type { Decision } from './decision';

/** Authorizes, then decides. Accepted with no events means the command changes nothing. */
export function decideEvents(
	state: SessionState,
	command: SessionCommand,
	actor: SessionActor,
	now: Date
): Decision {
	const refusal = authorizeCommand(state, command, actor);
	if (refusal) return refuse(refusal);
	const ctx = createDecideContext(state, actor, command.commandId, now);
	switch (command.type) {
		case 'session.start':
			return startSession(ctx);
		case 'session.end':
			return accept(...pauseCurrentTimer(ctx), ctx.event('session.ended', {}));
		case 'agenda.open':
			return openItem(ctx, command);
		case 'timer.start':
		case 'timer.pause':
		case 'timer.extend':
			return decideTimer(ctx, command);
		case 'participant.join':
			// Counted once: the first time someone is there while the session runs.
			if (state.attendeeIds.includes(actor.userId)) return accept();
			return accept(ctx.event('participant.joined', { userId: actor.userId }));
		case 'ready.set':
			return setReady(ctx, command);
		case 'facilitator.handOver':
			return handOver(ctx, command);
		case 'walkthrough.openAccount':
			if (state.walkthrough.accountId === command.accountId) return accept();
			return accept(ctx.event('walkthrough.accountOpened', { accountId: command.accountId }));
		case 'walkthrough.focusEvent':
			return focusEvent(ctx, command);
		case 'tag.add':
		case 'tag.edit':
		case 'tag.withdraw':
			return decideTagEvents(ctx, command);
		case 'spotting.deal':
		case 'spotting.answer':
		case 'spotting.reveal':
			return decideSpottingEvents(ctx, command);
		case 'calibration.rate':
		case 'calibration.reveal':
		case 'calibration.reopen':
		case 'calibration.consensus':
		case 'calibration.criteria':
			return decideCalibrationEvents(ctx, command);
		default:
			return decideOutcomeEvents(ctx, command);
	}
}

function startSession(ctx: DecideContext): Decision {
	if (ctx.state.status !== 'planned') return refuse('The session has already started.');
	const first = ctx.state.plan.agenda[0];
	return accept(ctx.event('session.started', {}), ctx.event('timer.started', { itemId: first.id }));
}

function pauseCurrentTimer(ctx: DecideContext): NewSessionEvent[] {
	const item = currentItem(ctx.state);
	const running = ctx.state.timers[item.id]?.runningSince !== null;
	return running ? [ctx.event('timer.paused', { itemId: item.id })] : [];
}

/** Moving on (or back) pauses the item being left and starts the clock of the one opened. */
function openItem(ctx: DecideContext, command: CommandOf<'agenda.open'>): Decision {
	const from = currentItem(ctx.state);
	if (!hasItem(ctx.state, command.itemId)) return refuse(NO_ITEM);
	if (from.id === command.itemId) return refuse('That agenda item is already open.');
	return accept(
		...pauseCurrentTimer(ctx),
		ctx.event('agenda.itemOpened', { itemId: command.itemId, fromItemId: from.id }),
		ctx.event('timer.started', { itemId: command.itemId })
	);
}

function decideTimer(ctx: DecideContext, command: CommandOf<'timer.start' | 'timer.pause' | 'timer.extend'>): Decision {
	const timer = ctx.state.timers[command.itemId];
	if (!timer) return refuse(NO_ITEM);
	if (command.type === 'timer.extend') {
		return accept(ctx.event('timer.extended', { itemId: command.itemId, minutes: command.minutes }));
	}
	if (command.type === 'timer.pause') {
		if (timer.runningSince === null) return refuse('That timer is not running.');
		return accept(ctx.event('timer.paused', { itemId: command.itemId }));
	}
	if (currentItem(ctx.state).id !== command.itemId) return refuse('Open this agenda item before starting its timer.');
	if (timer.runningSince !== null) return refuse('That timer is already running.');
	return accept(ctx.event('timer.started', { itemId: command.itemId }));
}

function setReady(ctx: DecideContext, command: CommandOf<'ready.set'>): Decision {
	if (!hasItem(ctx.state, command.itemId)) return refuse(NO_ITEM);
	const isReady = (ctx.state.ready[command.itemId] ?? []).includes(ctx.actor.userId);
	if (isReady === command.ready) return accept();
	return accept(
		ctx.event('participant.readySet', { itemId: command.itemId, userId: ctx.actor.userId, ready: command.ready })
	);
}

function handOver(ctx: DecideContext, command: CommandOf<'facilitator.handOver'>): Decision {
	const { state } = ctx;
	if (command.toUserId === state.facilitatorId) return refuse('That person is already the facilitator.');
	if (!state.participantIds.includes(command.toUserId)) {
		return refuse('Hand the session over to someone taking part in it.');
	}
	return accept(
		ctx.event('facilitator.handedOver', { fromUserId: state.facilitatorId, toUserId: command.toUserId })
	);
}

function focusEvent(ctx: DecideContext, command: CommandOf<'walkthrough.focusEvent'>): Decision {
	const { walkthrough } = ctx.state;
	if (walkthrough.accountId === null) return refuse('Open an account for everyone before pointing at one of its events.');
	if (walkthrough.accountId !== command.accountId) {
		return refuse('Another account is open for everyone now; pick an event on that one.');
	}
	if (walkthrough.focusedActivityId === command.activityId) return accept();
	return accept(ctx.event('walkthrough.eventFocused', { accountId: command.accountId, activityId: command.activityId }));
}

const NO_ITEM = 'That agenda item is not on the agenda of this session.';

function hasItem(state: SessionState, itemId: string): boolean {
	return state.plan.agenda.some((i) => i.id === itemId);
}
