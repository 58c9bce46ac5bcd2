/** Position in a newest-first timeline: the last event shown. Pages continue strictly after it. */
export interface TimelineCursor {
	occurredAt: Date;
	id: number;
}

export function encodeCursor(cursor: TimelineCursor): string {
	return `${cursor.occurredAt.getTime().toString(36)}.${cursor.id.toString(36)}`;
}

/** Returns null for anything that is not a cursor this app made (so a bad link shows page one). */
export function decodeCursor(value: string | null | undefined): TimelineCursor | null {
	const match = /^([0-9a-z]{1,12})\.([0-9a-z]{1,12})$/.exec(value ?? '');
	if (!match) return null;
	const time = parseInt(match[1], 36);
	const id = parseInt(match[2], 36);
	if (!Number.isSafeInteger(time) || !Number.isSafeInteger(id) || id <= 0) return null;
	return { occurredAt: new Date(time), id };
}
