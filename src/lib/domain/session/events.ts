/**
 * What happened in a live session, in order. The server assigns `seq` and `at` when it appends
 * an event; every state is the fold of these events (reduceSession), in browser and server alike.
 * Entity ids (tag, insight, action item, ...) are the commandId of the command that created them,
 * so deciding stays deterministic and the client knows the id before the ack.
 */
import type { Department } from '../crm/vocabulary';
import type { Polarity, WinKind } from './vocabulary';

export interface EventBase {
	/** 1, 2, 3, ... per session, assigned by the server when it appends. */
	seq: number;
	/** Server time, ISO 8601. Never earlier than the previous event's. */
	at: string;
	actorId: string;
	/** The client-made id of the command this event came from (several events may share one). */
	commandId: string;
}

/** A playbook signal by id, or a name the team has no signal for yet (a proposal candidate). */
export type SignalRef = { kind: 'playbook'; signalId: string } | { kind: 'new'; name: string };

export interface TagFields {
	signal: SignalRef;
	polarity: Polarity;
	interpretation: string;
}

export interface SpottedSignal {
	activityId: number;
	note: string;
}

export interface SpottingAnswer {
	positive: SpottedSignal;
	risk: SpottedSignal;
}

export interface ActionItemFields {
	title: string;
	ownerId: string;
	/** A calendar day, YYYY-MM-DD. */
	dueOn: string;
	accountId: string | null;
}

type E<T extends string, P = object> = EventBase & { type: T } & P;

export type SessionStarted = E<'session.started'>;
export type SessionEnded = E<'session.ended'>;
/** The facilitator moved to another item, forward or back; inputs on other items stay. */
export type AgendaItemOpened = E<'agenda.itemOpened', { itemId: string; fromItemId: string }>;
export type TimerStarted = E<'timer.started', { itemId: string }>;
export type TimerPaused = E<'timer.paused', { itemId: string }>;
export type TimerExtended = E<'timer.extended', { itemId: string; minutes: number }>;
/** Someone came to the live session (the first time they were there while it ran). */
export type ParticipantJoined = E<'participant.joined', { userId: string }>;
export type ReadySet = E<'participant.readySet', { itemId: string; userId: string; ready: boolean }>;
export type FacilitatorHandedOver = E<'facilitator.handedOver', { fromUserId: string; toUserId: string }>;
export type WalkthroughAccountOpened = E<'walkthrough.accountOpened', { accountId: string }>;
/** "Follow the facilitator": everyone scrolls to this event (null clears the highlight). */
export type WalkthroughEventFocused = E<'walkthrough.eventFocused', { accountId: string; activityId: number | null }>;
export type TagAdded = E<
	'tag.added',
	TagFields & { tagId: string; activityId: number; accountId: string; department: Department }
>;
export type TagEdited = E<'tag.edited', TagFields & { tagId: string }>;
export type TagWithdrawn = E<'tag.withdrawn', { tagId: string }>;
/** A new round of the signal spotting challenge: who works on which account. */
export type SpottingDealt = E<'spotting.dealt', { dealId: string; assignments: Record<string, string> }>;
/** SEALED: only the author (and the server) may see `answer` before the reveal. */
export type SpottingAnswerSubmitted = E<
	'spotting.answerSubmitted',
	{ dealId: string; userId: string; answer: SpottingAnswer }
>;
/** What everyone but the author gets instead of an answer before the reveal; never stored. */
export type SpottingAnswerSealed = E<'spotting.answerSealed', { dealId: string; userId: string }>;
/** Carries every answer, so clients that only saw sealed answers learn them at once. */
export type SpottingRevealed = E<'spotting.revealed', { dealId: string; answers: Record<string, SpottingAnswer> }>;
/** SEALED: before the lead's reveal only the rater (and the server) may see `score` and `reason`. */
export type CalibrationRated = E<
	'calibration.rated',
	{ itemId: string; accountId: string; userId: string; department: Department; score: number; reason: string | null }
>;
/** What everyone but the rater gets instead of a rating before the reveal; never stored. */
export type CalibrationRatingSealed = E<'calibration.ratingSealed', { itemId: string; accountId: string; userId: string }>;
export interface RevealedRating {
	score: number;
	reason: string | null;
	department: Department;
}
/** Carries every rating of the revealed leads (userId -> rating), so sealed clients learn them at once. */
export type CalibrationRevealed = E<
	'calibration.revealed',
	{ itemId: string; leads: { accountId: string; ratings: Record<string, RevealedRating> }[] }
>;
/** A revealed lead opens for a new vote; its revealed round stays in the record. */
export type CalibrationReopened = E<'calibration.reopened', { itemId: string; accountId: string }>;
export type CalibrationConsensusRecorded = E<'calibration.consensusRecorded', { itemId: string; accountId: string; score: number }>;
export type CalibrationCriteriaRecorded = E<'calibration.criteriaRecorded', { itemId: string; text: string }>;
export type InsightAdded = E<'insight.added', { insightId: string; text: string; itemId: string }>;
export type InsightRemoved = E<'insight.removed', { insightId: string }>;
export type ActionItemAdded = E<'actionItem.added', ActionItemFields & { actionItemId: string }>;
export type ActionItemUpdated = E<'actionItem.updated', ActionItemFields & { actionItemId: string }>;
export type ActionItemRemoved = E<'actionItem.removed', { actionItemId: string }>;
export type PlaybookChangeAgreed = E<
	'playbookChange.agreed',
	{ changeId: string; text: string; signalId: string | null; evidenceTagIds: string[] }
>;
export type PlaybookChangeRemoved = E<'playbookChange.removed', { changeId: string }>;
export type WinRecorded = E<'win.recorded', { winId: string; kind: WinKind; accountId: string | null; text: string }>;
export type WinRemoved = E<'win.removed', { winId: string }>;

/** Every event the server stores. */
export type SessionEvent =
	| SessionStarted
	| SessionEnded
	| AgendaItemOpened
	| TimerStarted
	| TimerPaused
	| TimerExtended
	| ParticipantJoined
	| ReadySet
	| FacilitatorHandedOver
	| WalkthroughAccountOpened
	| WalkthroughEventFocused
	| TagAdded
	| TagEdited
	| TagWithdrawn
	| SpottingDealt
	| SpottingAnswerSubmitted
	| SpottingRevealed
	| CalibrationRated
	| CalibrationRevealed
	| CalibrationReopened
	| CalibrationConsensusRecorded
	| CalibrationCriteriaRecorded
	| InsightAdded
	| InsightRemoved
	| ActionItemAdded
	| ActionItemUpdated
	| ActionItemRemoved
	| PlaybookChangeAgreed
	| PlaybookChangeRemoved
	| WinRecorded
	| WinRemoved;

/** Every event a client may receive: stored events as projected for one viewer (visibility.ts). */
export type VisibleSessionEvent = SessionEvent | SpottingAnswerSealed | CalibrationRatingSealed;

export type SessionEventType = SessionEvent['type'];

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An event decided but not yet appended: the server gives it the next seq. */
export type NewSessionEvent = DistributiveOmit<SessionEvent, 'seq'>;

/** Numbers decided events after the last stored seq, in order (inside the append transaction). */
export function sequenceEvents(events: readonly NewSessionEvent[], lastSeq: number): SessionEvent[] {
	return events.map((event, i) => ({ ...event, seq: lastSeq + 1 + i }) as SessionEvent);
}
