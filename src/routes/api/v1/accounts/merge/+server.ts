import type { RequestHandler } from './$types';
import { mergeRoute } from '$lib/server/api/mergeApi';
import { postOnly } from '$lib/server/api/upsertRoutes';

/** Merge two accounts (see the OpenAPI document). */
export const POST: RequestHandler = mergeRoute('account');

export const fallback = postOnly;
