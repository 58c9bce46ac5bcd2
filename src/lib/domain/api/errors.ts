import { z } from 'zod';

/** The stable machine codes a v1 error can carry, with when each happens (for the docs). */
export const API_ERRORS = {
	invalid_json: [400, 'The body is not valid JSON.'],
	bad_request: [400, 'The request could not be understood, e.g. a badly encoded path.'],
	unauthorized: [401, 'No Authorization: Bearer header.'],
	invalid_token: [401, 'The token is unknown or was revoked.'],
	insufficient_scope: [403, 'The token lacks the scope the endpoint needs.'],
	not_found: [404, 'No such endpoint, or no such record in the token’s workspace.'],
	method_not_allowed: [405, 'The endpoint does not take this method (see the Allow header).'],
	conflict: [409, 'The request conflicts with the current data (e.g. an external id already used by another record).'],
	payload_too_large: [413, 'The body is larger than the server accepts.'],
	unsupported_media_type: [415, 'The body is not sent as application/json.'],
	validation_failed: [422, 'A field is missing or wrong; `field` says which (e.g. activities.3.occurredAt).'],
	idempotency_key_reused: [422, 'The Idempotency-Key was already used with a different request.'],
	rate_limited: [429, 'Too many requests for this token this minute; wait Retry-After seconds.'],
	internal_error: [500, 'A fault on our side; nothing was applied. Retry with the same Idempotency-Key.']
} as const satisfies Record<string, readonly [number, string]>;

export type ApiErrorCode = keyof typeof API_ERRORS;
export const API_ERROR_CODES = Object.keys(API_ERRORS) as [ApiErrorCode, ...ApiErrorCode[]];

export const apiErrorSchema = z
	.strictObject({
		error: z.strictObject({
			code: z.enum(API_ERROR_CODES),
			message: z.string().min(1).meta({ description: 'What was wrong and how to fix it, in plain words.' }),
			field: z.string().optional().meta({ description: 'The body field, query parameter or header at fault, as a dotted path.' })
		})
	});
