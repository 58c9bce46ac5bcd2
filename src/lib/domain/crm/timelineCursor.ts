import { isInYearRange } from '../calendarDate';

/** Position in a newest-first timeline: the last event shown. Pages continue strictly after it. */
export interface TimelineCursor {
	occurredAt: Date;
	id: number;
}

export function encodeCursor(cursor: TimelineCursor): string {
	return `${cursor.occurredAt.getTime().toString(36)}.${cursor.id.toString(36)}`;
}

/**
 * Returns null for anything that is not a cursor this app made (so a bad link shows page one),
 * including times outside the years 1900-2999 that activities can have (calendarDate.ts), which
 * PostgreSQL could not compare with. Times before 1970 are negative.
 */
export function decodeCursor(value: string | null | undefined): TimelineCursor | null {
	const match = /^(-?[0-9a-z]{1,12})\.([0-9a-z]{1,12})$/.exec(value ?? '');
	if (!match) return null;
	const time = parseInt(match[1], 36);
	const id = parseInt(match[2], 36);
	if (!Number.isSafeInteger(time) || !Number.isSafeInteger(id) || id <= 0) return null;
	const occurredAt = new Date(time);
	return isInYearRange(occurredAt) ? { occurredAt, id } : null;
}

/**
 * Where a newest-first timeline should start so that the newest of some events (an alert's
 * evidence) is on its first page: null when the newest page already shows it (or there is no
 * evidence, or no older page), otherwise a cursor just above it. The cursor is a millisecond later
 * than the event with no id below it, so the event itself and anything in its millisecond are kept
 * whatever the stored timestamp's precision.
 */
export function timelineStartAt(evidence: { id: number; occurredAt: Date }[], firstPage: { items: { id: number }[]; next: unknown }): TimelineCursor | null {
	if (evidence.length === 0 || firstPage.next === null) return null;
	const newest = evidence.reduce((a, b) => (b.occurredAt.getTime() > a.occurredAt.getTime() ? b : a));
	if (firstPage.items.some((item) => item.id === newest.id)) return null;
	return { occurredAt: new Date(newest.occurredAt.getTime() + 1), id: 0 };
}
