import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiRoute, methodNotAllowed } from '$lib/server/api/apiRoute';
import { readQuery } from '$lib/server/api/readBody';
import { getApiAccount, listApiAccounts } from '$lib/server/api/accountsApi';
import { upsertOneRoute } from '$lib/server/api/upsertRoutes';
import { upsertAccountsApi } from '$lib/server/api/upsertApi';
import { accountUpsert } from '$lib/domain/api/upsertSchemas';
import { accountListQuery } from '$lib/domain/api/accountSchemas';

/** Accounts by name, keyset paged. */
export const GET: RequestHandler = apiRoute('read', async ({ event, db, principal }) =>
	json(await listApiAccounts(db, principal.workspaceId, readQuery(event.url, accountListQuery)))
);

/** Upsert one account: matched by external id, then domain. */
export const POST: RequestHandler = upsertOneRoute(accountUpsert, upsertAccountsApi, getApiAccount);

export const fallback = methodNotAllowed(['GET', 'POST']);
