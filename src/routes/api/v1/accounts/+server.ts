import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiRoute, methodNotAllowed } from '$lib/server/api/apiRoute';
import { readQuery } from '$lib/server/api/readBody';
import { listApiAccounts } from '$lib/server/api/accountsApi';
import { accountListQuery } from '$lib/domain/api/accountSchemas';

/** Accounts by name, keyset paged. */
export const GET: RequestHandler = apiRoute('read', async ({ event, db, principal }) =>
	json(await listApiAccounts(db, principal.workspaceId, readQuery(event.url, accountListQuery)))
);

export const fallback = methodNotAllowed(['GET']);
