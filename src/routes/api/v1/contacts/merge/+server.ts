import type { RequestHandler } from './$types';
import { mergeRoute } from '$lib/server/api/mergeApi';
import { postOnly } from '$lib/server/api/upsertRoutes';

/** Merge two contacts (see the OpenAPI document). */
export const POST: RequestHandler = mergeRoute('contact');

export const fallback = postOnly;
