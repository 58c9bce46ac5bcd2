import type { z } from 'zod';
import { ApiError } from './apiError';
import '$lib/domain/forms/plainMessages';

/** "activities.3.occurredAt": where in the body a problem is, as the `field` of the error. */
export function issuePath(path: readonly PropertyKey[]): string | undefined {
	return path.length ? path.map(String).join('.') : undefined;
}

/** Where a value holds the NUL character, which PostgreSQL text cannot store; undefined when nowhere. */
export function findNul(value: unknown, path: string[] = []): string | undefined {
	if (typeof value === 'string') return value.includes('\0') ? path.join('.') || 'body' : undefined;
	if (value === null || typeof value !== 'object') return undefined;
	for (const [key, item] of Object.entries(value)) {
		if (key.includes('\0')) return [...path, key].join('.');
		const found = findNul(item, [...path, key]);
		if (found !== undefined) return found;
	}
	return undefined;
}

/** Deeper JSON than any endpoint takes (activity properties included) is refused before it is walked. */
const MAX_JSON_DEPTH = 32;

/** How deep a parsed JSON value nests objects and arrays, counted without recursion (the body may nest thousands deep). */
function measureJsonDepth(value: unknown): number {
	let deepest = 0;
	const pending: [unknown, number][] = [[value, 1]];
	for (let next = pending.pop(); next; next = pending.pop()) {
		const [item, depth] = next;
		if (item === null || typeof item !== 'object') continue;
		deepest = Math.max(deepest, depth);
		if (deepest > MAX_JSON_DEPTH) break;
		for (const child of Object.values(item)) pending.push([child, depth + 1]);
	}
	return deepest;
}

const nulError = (field: string) => new ApiError(422, 'validation_failed', `${field}: text cannot contain the NUL character (\\u0000). Remove it and send again.`, field);

/** The first problem zod found, as a 422 the client can act on. */
export function validationError(error: z.ZodError): ApiError {
	const issue = error.issues[0];
	const field = issuePath(issue?.path ?? []);
	const where = field ? `${field}: ` : '';
	return new ApiError(422, 'validation_failed', `${where}${issue?.message ?? 'The request body is not valid.'}`, field);
}

/**
 * Reads a JSON body through its schema: 415 when it is not JSON, 413 when it is larger than the
 * server takes (BODY_SIZE_LIMIT), 400 when it does not parse, 422 naming the first bad field.
 */
export async function readJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<{ data: z.output<S>; raw: string }> {
	const type = request.headers.get('content-type') ?? '';
	if (!/^application\/([a-z0-9.+-]*\+)?json\s*(;|$)/i.test(type.trim()))
		throw new ApiError(415, 'unsupported_media_type', 'Send the body as JSON with the header Content-Type: application/json.');
	let raw: string;
	try {
		raw = await request.text();
	} catch (e) {
		if ((e as { status?: number }).status === 413)
			throw new ApiError(413, 'payload_too_large', 'The request body is too large. Send at most 1,000 records per request, or smaller properties.');
		throw new ApiError(400, 'invalid_json', 'The request body could not be read. Send it again.');
	}
	let value: unknown;
	try {
		value = JSON.parse(raw);
	} catch {
		throw new ApiError(400, 'invalid_json', 'The request body is not valid JSON. Check quotes, commas and brackets.');
	}
	if (measureJsonDepth(value) > MAX_JSON_DEPTH)
		throw new ApiError(400, 'invalid_json', `The request body nests objects and arrays more than ${MAX_JSON_DEPTH} levels deep; no endpoint takes that. Send the records as the API reference shows.`);
	const nul = findNul(value);
	if (nul !== undefined) throw nulError(nul);
	const parsed = schema.safeParse(value);
	if (!parsed.success) throw validationError(parsed.error);
	return { data: parsed.data, raw };
}

/** Reads query parameters through a schema (each parameter once), 422 naming the first bad one. */
export function readQuery<S extends z.ZodType>(url: URL, schema: S): z.output<S> {
	const params = Object.fromEntries(url.searchParams);
	const nul = findNul(params);
	if (nul !== undefined) throw nulError(nul);
	const parsed = schema.safeParse(params);
	if (!parsed.success) throw validationError(parsed.error);
	return parsed.data;
}
