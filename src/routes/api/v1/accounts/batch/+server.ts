import type { RequestHandler } from './$types';
import { postOnly, upsertBatchRoute } from '$lib/server/api/upsertRoutes';
import { upsertAccountsApi } from '$lib/server/api/upsertApi';
import { accountBatch } from '$lib/domain/api/upsertSchemas';

/** Upsert up to 1,000 accounts in one transaction: all or nothing. */
export const POST: RequestHandler = upsertBatchRoute('accounts', accountBatch, upsertAccountsApi);

export const fallback = postOnly;
