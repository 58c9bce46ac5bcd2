import { text, json, type Handle } from '@sveltejs/kit';

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The token-authenticated REST API: no cookies count there, so cross-site forms cannot ride on a session. */
export const isApiPath = (pathname: string) => pathname === '/api' || pathname.startsWith('/api/');

/**
 * SvelteKit's cross-site form check, done here instead of by the framework (svelte.config.js
 * turns the built-in one off) so that /api/v1 answers every request with its own JSON errors.
 * Everywhere else a form post from another origin is refused as before.
 */
export const checkFormOrigin: Handle = async ({ event, resolve }) => {
	const { request, url } = event;
	if (UNSAFE.has(request.method) && !isApiPath(url.pathname)) {
		const type = (request.headers.get('content-type') ?? '').split(';', 1)[0].trim().toLowerCase();
		if (FORM_TYPES.includes(type) && request.headers.get('origin') !== url.origin) {
			const message = `Cross-site ${request.method} form submissions are forbidden`;
			return request.headers.get('accept') === 'application/json' ? json({ message }, { status: 403 }) : text(message, { status: 403 });
		}
	}
	return resolve(event);
};
