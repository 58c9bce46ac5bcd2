import type { TimelineItem } from '$lib/domain/crm/timelineItem';

export interface FetchedTimelinePage {
	items: TimelineItem[];
	/** Cursor for the next (older) page, or null at the start of the timeline. */
	next: string | null;
}

/**
 * One page of an account's timeline from its JSON endpoint (`/w/<ws>/accounts/<id>/timeline`),
 * with times turned back into Dates. Throws on an HTTP error so callers can say so.
 */
export async function fetchTimelinePage(url: string): Promise<FetchedTimelinePage> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`The timeline could not be loaded (${response.status}).`);
	const page = (await response.json()) as { items: (TimelineItem & { occurredAt: string })[]; next: string | null };
	return { items: page.items.map((i) => ({ ...i, occurredAt: new Date(i.occurredAt) })), next: page.next };
}
