import type { RequestHandler } from './$types';
import { errorResponse } from '$lib/server/api/apiError';

/** Any path under /api/v1 that is not an endpoint: a JSON 404 pointing at the document. */
export const fallback: RequestHandler = async ({ url }) =>
	errorResponse(404, 'not_found', `There is no endpoint ${url.pathname}. The endpoints are listed in /api/v1/openapi.json.`);
