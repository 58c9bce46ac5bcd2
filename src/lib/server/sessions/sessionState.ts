import { and, asc, eq, gt, lte } from 'drizzle-orm';
import type { Database } from '../db/index';
import { practiceSession, sessionEvent } from '../db/schema';
import { applyEvents, type SessionEvent, type SessionState } from '../../domain/session';

/**
 * Where a session's state lives. The event log is the truth; `practice_session.state` is a
 * snapshot of the reducer's state at the seq inside it (`state.lastSeq`), which may trail the
 * row's `last_seq` by a few events: a reader folds the events after the snapshot onto it with the
 * domain reducer, so there is one source of state and rewriting it is not part of every command.
 */

/** Events a snapshot may trail by: rebuilding is cheap, rewriting a large state per command is not. */
export const SNAPSHOT_EVERY = 250;

/**
 * Events that rewrite the snapshot at once, because SQL reads what they change straight from the
 * snapshot: the session's start and end (outcomes, summary), wins (the workspace home page), and
 * calibration reveals (the agreement a dashboard follows over time).
 */
const SNAPSHOT_NOW: ReadonlySet<string> = new Set(['session.started', 'session.ended', 'win.recorded', 'win.removed', 'calibration.revealed', 'calibration.reopened']);

/** Whether a command that took the state from `snapshotSeq` to `next` with `events` writes a new snapshot. */
export function isSnapshotDue(snapshotSeq: number, next: SessionState, events: readonly SessionEvent[]): boolean {
	return next.lastSeq - snapshotSeq >= SNAPSHOT_EVERY || events.some((e) => SNAPSHOT_NOW.has(e.type));
}

interface Known {
	state: SessionState;
	/** The seq of the snapshot stored in the row (as far as this process knows). */
	snapshotSeq: number;
}

/**
 * The full state of each session this process served lately. An entry is used only up to the
 * row's `last_seq`: when another app process appended events, the missing ones are read and folded.
 */
const known = new Map<string, Known>();
const KNOWN_MAX = 200;

/** Drops what this process knows of a session, as a freshly started process would not know it. */
export function forgetSessionState(sessionId: string): void {
	known.delete(sessionId);
}

/** The session's state as this process last knew it (it may trail the store), without reading it. */
export function knownSessionState(sessionId: string): SessionState | null {
	return known.get(sessionId)?.state ?? null;
}

export function rememberSessionState(sessionId: string, state: SessionState, snapshotSeq: number): void {
	known.delete(sessionId);
	known.set(sessionId, { state, snapshotSeq });
	if (known.size > KNOWN_MAX) known.delete(known.keys().next().value!);
}

/**
 * The session's full (unprojected) state at `lastSeq` (the row's `last_seq`, read here when not
 * given), with the seq of the snapshot stored in the row. Null when the session does not exist.
 */
export async function loadSessionState(db: Database, sessionId: string, lastSeq?: number): Promise<Known | null> {
	if (lastSeq === undefined) {
		const [row] = await db.select({ lastSeq: practiceSession.lastSeq }).from(practiceSession).where(eq(practiceSession.id, sessionId));
		if (!row) return null;
		lastSeq = row.lastSeq;
	}
	let base = known.get(sessionId);
	if (base && base.state.lastSeq === lastSeq) return base;
	if (!base || base.state.lastSeq > lastSeq) {
		const [row] = await db.select({ state: practiceSession.state }).from(practiceSession).where(eq(practiceSession.id, sessionId));
		if (!row) return null;
		const snapshot = row.state as unknown as SessionState;
		// Snapshots stored before calibrations existed have none.
		snapshot.calibrations ??= [];
		base = { state: snapshot, snapshotSeq: snapshot.lastSeq };
	}
	const state = base.state.lastSeq < lastSeq ? applyEvents(base.state, await listEvents(db, sessionId, base.state.lastSeq, lastSeq)) : base.state;
	const loaded = { state, snapshotSeq: base.snapshotSeq };
	rememberSessionState(sessionId, state, loaded.snapshotSeq);
	return loaded;
}

/** Events after `afterSeq` (up to `untilSeq`), in order: what a reconnecting client missed. */
export async function listEvents(db: Database, sessionId: string, afterSeq: number, untilSeq?: number): Promise<SessionEvent[]> {
	const rows = await db
		.select({ event: sessionEvent.event })
		.from(sessionEvent)
		.where(and(eq(sessionEvent.sessionId, sessionId), gt(sessionEvent.seq, afterSeq), untilSeq === undefined ? undefined : lte(sessionEvent.seq, untilSeq)))
		.orderBy(asc(sessionEvent.seq));
	return rows.map((r) => r.event as unknown as SessionEvent);
}
