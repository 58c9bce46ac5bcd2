import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { listTimeline } from '$lib/server/timeline';
import { readTimelineFilter } from '$lib/domain/crm/timelineFilter';
import { encodeCursor } from '$lib/domain/crm/timelineCursor';
import { isUuid } from '$lib/domain/forms/isUuid';

/** "Load older" without a page reload: the next page of the same filtered timeline as JSON. */
export const GET: RequestHandler = async (event) => {
	const { db, workspace } = await requireWorkspace(event);
	if (!isUuid(event.params.id)) error(404, { message: 'This account does not exist in this workspace.' });
	const filter = readTimelineFilter(event.url.searchParams);
	const page = await listTimeline(db, workspace.id, event.params.id, { ...filter, limit: 50 });
	return json({ items: page.items, next: page.next ? encodeCursor(page.next) : null });
};
