import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { methodNotAllowed } from '$lib/server/api/apiRoute';
import { buildOpenApiDocument } from '$lib/domain/api/openapiDocument';

let cached: ReturnType<typeof buildOpenApiDocument> | undefined;

/** The OpenAPI 3.1 document; public, so tools can fetch it without a token. */
export const GET: RequestHandler = async ({ url }) => {
	cached ??= buildOpenApiDocument();
	return json({ ...cached, servers: [{ url: url.origin }] }, { headers: { 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*' } });
};

export const fallback = methodNotAllowed(['GET']);
