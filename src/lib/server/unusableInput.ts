/**
 * Input no page or form action can use, refused before it reaches one (the REST API checks its
 * own and answers in JSON, readBody.ts): the NUL character (\u0000), which PostgreSQL text cannot
 * hold, anywhere in the address or in a form field or file name; and form posts whose body is not
 * form data. Without this each would surface as a 500 from whichever query first met it.
 * A refused form sent by use:enhance shows the app's error page with the message; a plain post
 * gets the static one (src/error.html), as errors raised in a hook do.
 */
import { error, json, redirect, type Handle, type RequestEvent } from '@sveltejs/kit';
import { isApiPath } from './csrf';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data']);

/** An enhanced form (use:enhance) reads an action's answer as JSON; anything else gets the error page. */
function refuse(event: RequestEvent, status: number, message: string): Response {
	if (event.request.headers.get('x-sveltekit-action') === 'true') return json({ type: 'error', status, error: { message } }, { status });
	error(status, message);
}

/** What to say of the first form field whose name, value or file name holds NUL. */
function describeNulField(form: FormData): string | undefined {
	for (const [name, value] of form.entries()) {
		const field = `“${name.replaceAll('\0', '')}”`;
		if (typeof value !== 'string' && value.name.includes('\0')) return `The name of the file sent as ${field}`;
		if (name.includes('\0') || (typeof value === 'string' && value.includes('\0'))) return `The field ${field}`;
	}
	return undefined;
}

async function readFormBody(request: Request, type: string): Promise<FormData | null> {
	try {
		if (type === 'multipart/form-data') return await request.clone().formData();
		const form = new FormData();
		for (const [name, value] of new URLSearchParams(await request.clone().text())) form.append(name, value);
		return form;
	} catch {
		return null;
	}
}

export const refuseUnusableInput: Handle = async ({ event, resolve }) => {
	const { request, url } = event;
	if (isApiPath(url.pathname)) return resolve(event);
	if (/%00/i.test(url.pathname + url.search)) {
		// A page asked for with NUL in its address is shown without it (a search for "%00" is a search for nothing).
		if (request.method === 'GET' || request.method === 'HEAD') redirect(303, (url.pathname + url.search).replace(/%00/gi, ''));
		return refuse(event, 400, 'The address contains the NUL character (%00), which no form accepts. Remove it from the address and try again.');
	}
	if (!UNSAFE.has(request.method) || request.body === null) return resolve(event);
	const type = (request.headers.get('content-type') ?? '').split(';', 1)[0].trim().toLowerCase();
	if (type === 'text/plain') {
		return refuse(event, 415, 'Forms are sent as application/x-www-form-urlencoded or multipart/form-data, not text/plain. Send it from the page’s form.');
	}
	if (!FORM_TYPES.has(type)) return resolve(event);
	const form = await readFormBody(request, type);
	if (!form) return refuse(event, 400, `The form could not be read: its body is not valid form data (${type}). Send it from the page’s form.`);
	const where = describeNulField(form);
	if (where !== undefined) return refuse(event, 400, `${where} contains the NUL character (\\u0000), which cannot be stored. Remove it and send the form again.`);
	return resolve(event);
};
