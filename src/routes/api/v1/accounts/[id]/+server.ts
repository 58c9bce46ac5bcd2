import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiRoute, methodNotAllowed } from '$lib/server/api/apiRoute';
import { readQuery } from '$lib/server/api/readBody';
import { getApiAccount, getApiTimeline } from '$lib/server/api/accountsApi';
import { timelineQuery } from '$lib/domain/api/accountSchemas';

/** One account with the newest page of its timeline. */
export const GET: RequestHandler = apiRoute('read', async ({ event, db, principal }) => {
	const query = readQuery(event.url, timelineQuery);
	const data = await getApiAccount(db, principal.workspaceId, event.params.id);
	return json({ data, timeline: await getApiTimeline(db, principal.workspaceId, data.id, query) });
});

export const fallback = methodNotAllowed(['GET']);
