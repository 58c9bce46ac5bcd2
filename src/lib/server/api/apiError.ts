import { json } from '@sveltejs/kit';
import type { ApiErrorCode } from '../../domain/api/errors';

export type { ApiErrorCode };

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
