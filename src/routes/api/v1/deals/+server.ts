import type { RequestHandler } from './$types';
import { postOnly, upsertOneRoute } from '$lib/server/api/upsertRoutes';
import { getApiDeal, upsertDealsApi } from '$lib/server/api/upsertApi';
import { dealUpsert } from '$lib/domain/api/upsertSchemas';

/** Upsert one deal (see the OpenAPI document for how it is matched). */
export const POST: RequestHandler = upsertOneRoute(dealUpsert, upsertDealsApi, getApiDeal);

export const fallback = postOnly;
