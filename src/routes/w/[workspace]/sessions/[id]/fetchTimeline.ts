import type { TimelineItem } from '$lib/domain/crm/timelineItem';

/** The newest page (50 events) of an account's timeline, from the account's JSON endpoint. */
export async function fetchTimeline(base: string, accountId: string): Promise<TimelineItem[]> {
	const response = await fetch(`${base}/accounts/${accountId}/timeline`);
	if (!response.ok) return [];
	const page = (await response.json()) as { items: (TimelineItem & { occurredAt: string })[] };
	return page.items.map((i) => ({ ...i, occurredAt: new Date(i.occurredAt) }));
}
