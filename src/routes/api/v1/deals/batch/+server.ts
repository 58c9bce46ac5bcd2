import type { RequestHandler } from './$types';
import { postOnly, upsertBatchRoute } from '$lib/server/api/upsertRoutes';
import { upsertDealsApi } from '$lib/server/api/upsertApi';
import { dealBatch } from '$lib/domain/api/upsertSchemas';

/** Upsert up to 1,000 deals in one transaction: all or nothing. */
export const POST: RequestHandler = upsertBatchRoute('deals', dealBatch, upsertDealsApi);

export const fallback = postOnly;
