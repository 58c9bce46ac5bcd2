import type { Handle } from '@sveltejs/kit';
import { errorResponse } from './apiError';
import { isApiPath } from '../csrf';

/**
 * The last guard of the REST API's error shape: anything under /api that SvelteKit itself answers
 * with an error page (a path it cannot decode, say) becomes `{ error: { code, message } }`.
 */
export const apiErrorsAsJson: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	if (!isApiPath(event.url.pathname) || response.status < 400 || response.headers.get('content-type')?.startsWith('application/json')) return response;
	const status = response.status;
	if (status === 404) return errorResponse(404, 'not_found', `There is no endpoint ${event.url.pathname}. The endpoints are listed in /api/v1/openapi.json.`);
	if (status === 405) return errorResponse(405, 'method_not_allowed', `${event.request.method} is not supported here.`);
	if (status < 500) return errorResponse(status === 400 ? 400 : 422, status === 400 ? 'bad_request' : 'validation_failed', 'The request could not be understood: check the path and its percent-encoding.');
	return errorResponse(500, 'internal_error', 'Something went wrong on our side. The request was not applied; send it again.');
};
