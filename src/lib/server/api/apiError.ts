import { json } from '@sveltejs/kit';

/** The stable machine codes a v1 error can carry (documented in the OpenAPI document). */
export const API_ERROR_CODES = [
	'invalid_json',
	'unauthorized',
	'invalid_token',
	'insufficient_scope',
	'not_found',
	'method_not_allowed',
	'conflict',
	'idempotency_key_reused',
	'payload_too_large',
	'unsupported_media_type',
	'validation_failed',
	'rate_limited',
	'internal_error'
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** A failure the client can act on: thrown anywhere under an API handler, answered as JSON. */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly code: ApiErrorCode,
		message: string,
		readonly field?: string,
		readonly headers: Record<string, string> = {}
	) {
		super(message);
	}
}

/** `{ error: { code, message, field? } }` with the status; the one error shape of the REST API. */
export function errorResponse(status: number, code: ApiErrorCode, message: string, field?: string, headers: Record<string, string> = {}): Response {
	return json({ error: field === undefined ? { code, message } : { code, message, field } }, { status, headers: { 'Cache-Control': 'no-store', ...headers } });
}

export const notFound = (what: string) => new ApiError(404, 'not_found', what);
