import type { RequestEvent, RequestHandler } from '@sveltejs/kit';
import { useDatabase } from '../db/app';
import type { Database } from '../db/index';
import { ApiError, errorResponse } from './apiError';
import { authenticateApiToken, type ApiPrincipal } from './apiTokens';
import { takeRateLimit } from './rateLimit';
import type { ApiScope } from '../../domain/api/scopes';

export interface ApiContext<E extends RequestEvent = RequestEvent> {
	event: E;
	db: Database;
	principal: ApiPrincipal;
}

/** The bearer secret of an `Authorization: Bearer sr_…` header, or null. */
function bearerSecret(request: Request): string | null {
	const header = request.headers.get('authorization');
	if (!header) return null;
	const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
	return match ? match[1] : '';
}

async function authorize(db: Database, event: RequestEvent, scope: ApiScope): Promise<{ principal: ApiPrincipal; headers: Record<string, string> }> {
	const secret = bearerSecret(event.request);
	if (secret === null) throw new ApiError(401, 'unauthorized', 'Send an API token in the Authorization header: "Authorization: Bearer sr_…". Admins create tokens under Data → API.', undefined, { 'WWW-Authenticate': 'Bearer' });
	const principal = secret ? await authenticateApiToken(db, secret) : null;
	if (!principal) throw new ApiError(401, 'invalid_token', 'This API token is not valid: it was revoked, mistyped, or never existed. Ask an admin for a new one.', undefined, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
	const rate = await takeRateLimit(db, principal.tokenId, principal.ratePerMinute);
	const headers = { 'RateLimit-Limit': String(rate.limit), 'RateLimit-Remaining': String(rate.remaining), 'RateLimit-Reset': String(rate.resetSeconds) };
	if (!rate.allowed)
		throw new ApiError(429, 'rate_limited', `This token may make ${rate.limit} requests a minute. Wait ${rate.resetSeconds} s (see Retry-After) and send the request again.`, undefined, { ...headers, 'Retry-After': String(rate.resetSeconds) });
	if (!principal.scopes.includes(scope))
		throw new ApiError(403, 'insufficient_scope', `This token does not have the "${scope}" scope this endpoint needs. Ask an admin for a token with it.`, undefined, headers);
	return { principal, headers };
}

/** Turns anything thrown under an API handler into the JSON error shape; never HTML, never a bare 500. */
export function apiFailure(e: unknown): Response {
	if (e instanceof ApiError) return errorResponse(e.status, e.code, e.message, e.field, e.headers);
	console.error('API request failed:', e);
	return errorResponse(500, 'internal_error', 'Something went wrong on our side. The request was not applied; send it again.');
}

/**
 * An authenticated v1 endpoint: bearer token, per-token rate limit, the scope it needs, then the
 * handler. Every failure comes back as `{ error: { code, message, field? } }`.
 */
export function apiRoute<E extends RequestEvent>(scope: ApiScope, handle: (ctx: ApiContext<E>) => Promise<Response>): (event: E) => Promise<Response> {
	return async (event) => {
		try {
			const db = await useDatabase();
			const { principal, headers } = await authorize(db, event, scope);
			const response = await handle({ event, db, principal });
			for (const [k, v] of Object.entries(headers)) response.headers.set(k, v);
			return response;
		} catch (e) {
			return apiFailure(e);
		}
	};
}

/** The `fallback` of a v1 route: any method it does not serve is a JSON 405 naming the ones it does. */
export function methodNotAllowed(allowed: string[]): RequestHandler {
	return async ({ request }) =>
		errorResponse(405, 'method_not_allowed', `${request.method} is not supported here. Use ${allowed.join(' or ')}.`, undefined, { Allow: allowed.join(', ') });
}
