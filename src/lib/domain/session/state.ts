/**
 * The state of one session as every client sees it: plain JSON (records keyed by id, ISO times),
 * so the server can send it whole to a late joiner and the browser can keep it in a $state rune.
 */
import type { Department } from '../crm/vocabulary';
import type { ActionItemFields, SpottingAnswer, TagFields } from './events';
import type { AgendaItem } from './agenda';
import type { SessionPlan } from './plan';
import type { SessionTimer } from './timer';
import type { SessionStatus, WinKind } from './vocabulary';

export interface SessionTag extends TagFields {
	id: string;
	activityId: number;
	accountId: string;
	authorId: string;
	/** The tagger's department when they tagged. */
	department: Department;
	addedAt: string;
	editedAt: string | null;
}

export interface SpottingEntry {
	answeredAt: string;
	/** null when this viewer may not see it yet (someone else's answer before the reveal). */
	answer: SpottingAnswer | null;
}

export interface SpottingRound {
	dealId: string;
	dealtAt: string;
	/** The agenda item that was open when the round was dealt. */
	itemId: string;
	/** userId -> accountId */
	assignments: Record<string, string>;
	/** userId -> their answer; the latest one replaces earlier ones until the reveal. */
	answers: Record<string, SpottingEntry>;
	revealed: boolean;
	revealedAt: string | null;
}

export interface CalibrationRating {
	ratedAt: string;
	/** null when this viewer may not see it yet (someone else's rating before the lead's reveal). */
	score: number | null;
	reason: string | null;
	/** The rater's department when they rated; null while sealed. */
	department: Department | null;
}

/** A revealed vote on a lead that the facilitator reopened: kept for the record and the summary. */
export interface CalibrationRound {
	ratings: Record<string, { score: number; reason: string | null; department: Department }>;
	revealedAt: string;
}

export interface CalibrationLead {
	accountId: string;
	/** userId -> their rating in the current vote; a new rating replaces theirs until the reveal. */
	ratings: Record<string, CalibrationRating>;
	revealed: boolean;
	revealedAt: string | null;
	/** Earlier votes, oldest first (a lead reopened for a re-vote). */
	earlierRounds: CalibrationRound[];
	consensus: { score: number; recordedBy: string; recordedAt: string } | null;
}

/** Agreement between raters over a calibration's revealed leads, kept so it can be followed over time. */
export interface CalibrationAgreement {
	/** Krippendorff's alpha (interval); null when it cannot be computed yet. */
	alpha: number | null;
	/** Revealed leads with two or more ratings. */
	leads: number;
	/** Ratings on those leads. */
	ratings: number;
}

/** One agenda item's lead qualification calibration. */
export interface Calibration {
	itemId: string;
	/** Leads someone has rated, in the order first rated. */
	leads: CalibrationLead[];
	criteria: { text: string; recordedBy: string; recordedAt: string } | null;
	agreement: CalibrationAgreement;
}

export interface Insight {
	id: string;
	text: string;
	authorId: string;
	/** The agenda item that was open when it was added. */
	itemId: string;
	addedAt: string;
}

export interface ActionItem extends ActionItemFields {
	id: string;
	authorId: string;
	addedAt: string;
	updatedAt: string | null;
}

export interface AgreedPlaybookChange {
	id: string;
	text: string;
	signalId: string | null;
	/** Tags whose events back the change; they become the proposal's evidence. */
	evidenceTagIds: string[];
	agreedBy: string;
	agreedAt: string;
}

export interface SignalWin {
	id: string;
	kind: WinKind;
	accountId: string | null;
	text: string;
	recordedBy: string;
	recordedAt: string;
}

export interface SessionState {
	plan: SessionPlan;
	status: SessionStatus;
	/** Seq of the last event applied; 0 before any. */
	lastSeq: number;
	/** Time of the last event applied, so new events never go back in time. */
	lastEventAt: string | null;
	startedAt: string | null;
	endedAt: string | null;
	facilitatorId: string;
	/** Planned participants, the facilitator, and anyone who has acted in the session. */
	participantIds: string[];
	/**
	 * Who actually took part, in the order they first did: joined the live session or acted in it.
	 * Invitees who never came are in participantIds only.
	 */
	attendeeIds: string[];
	currentItemIndex: number;
	/** By agenda item id. */
	timers: Record<string, SessionTimer>;
	/** Agenda item id -> user ids ready to move on, sorted. */
	ready: Record<string, string[]>;
	walkthrough: { accountId: string | null; focusedActivityId: number | null };
	/** Accounts opened for everyone or dealt in signal spotting, in first-seen order. */
	reviewedAccountIds: string[];
	/**
	 * Live tags, in the order they were made. Collections are arrays, not records: copying an
	 * array of 10,000 references is cheap, respreading a 10,000-key object per event is not.
	 */
	tags: SessionTag[];
	/**
	 * Every round of the signal spotting challenge, in the order dealt. Only the last can be open
	 * (unrevealed): a round must be revealed before the next is dealt, unless nobody answered it.
	 */
	spottingRounds: SpottingRound[];
	/** Lead qualification calibrations, one per agenda item that ran one, in the order started. */
	calibrations: Calibration[];
	insights: Insight[];
	actionItems: ActionItem[];
	playbookChanges: AgreedPlaybookChange[];
	wins: SignalWin[];
}

export function currentItem(state: SessionState): AgendaItem {
	return state.plan.agenda[state.currentItemIndex];
}

/** The round people answer now: the last one dealt, if it is not revealed yet. */
export function openSpottingRound(state: SessionState): SpottingRound | null {
	const last = state.spottingRounds.at(-1);
	return last && !last.revealed ? last : null;
}

/** The last round dealt, open or revealed (what the live page shows first). */
export function latestSpottingRound(state: SessionState): SpottingRound | null {
	return state.spottingRounds.at(-1) ?? null;
}

/** The calibration of an agenda item, if anyone has rated in it yet. */
export function findCalibration(state: SessionState, itemId: string): Calibration | null {
	return state.calibrations.find((c) => c.itemId === itemId) ?? null;
}

/** The leads an agenda item calibrates: its accounts, when its exercise is the calibration. */
export function calibrationLeadIds(state: SessionState, itemId: string): string[] {
	const item = state.plan.agenda.find((i) => i.id === itemId);
	return item?.exercise === 'lead-calibration' ? item.accountIds : [];
}

/** Who was expected or involved (invited, facilitated, dealt an account) but never took part. */
export function listAbsentees(state: SessionState): string[] {
	return state.participantIds.filter((id) => !state.attendeeIds.includes(id));
}

export function findById<T extends { id: string }>(list: readonly T[], id: string): T | undefined {
	return list.find((entry) => entry.id === id);
}

/** `list` with the entry of that id replaced by `change(entry)` (the same array when absent). */
export function replaceById<T extends { id: string }>(list: T[], id: string, change: (entry: T) => T): T[] {
	const index = list.findIndex((entry) => entry.id === id);
	if (index < 0) return list;
	const copy = list.slice();
	copy[index] = change(list[index]);
	return copy;
}

/** `list` without the entry of that id (the same array when absent). */
export function removeById<T extends { id: string }>(list: T[], id: string): T[] {
	const index = list.findIndex((entry) => entry.id === id);
	return index < 0 ? list : [...list.slice(0, index), ...list.slice(index + 1)];
}

/** `list` with `value` appended unless present (the same array when it is). */
export function addOnce<T>(list: T[], value: T): T[] {
	return list.includes(value) ? list : [...list, value];
}
