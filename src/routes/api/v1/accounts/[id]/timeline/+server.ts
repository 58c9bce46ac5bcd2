import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiRoute, methodNotAllowed } from '$lib/server/api/apiRoute';
import { readQuery } from '$lib/server/api/readBody';
import { getApiAccount, getApiTimeline } from '$lib/server/api/accountsApi';
import { timelineQuery } from '$lib/domain/api/accountSchemas';

/** Further pages of an account's timeline, newest first, by the `next` cursor. */
export const GET: RequestHandler = apiRoute('read', async ({ event, db, principal }) => {
	const query = readQuery(event.url, timelineQuery);
	const { id } = await getApiAccount(db, principal.workspaceId, event.params.id);
	return json(await getApiTimeline(db, principal.workspaceId, id, query));
});

export const fallback = methodNotAllowed(['GET']);
