import { z } from 'zod';
import { API_OPERATIONS, type ApiOperation } from './operations';
import { API_ERRORS, apiErrorSchema } from './errors';
import { API_SCOPES, API_SCOPE_LABELS } from './scopes';
import { WEBHOOK_EVENTS, WEBHOOK_EVENT_LABELS } from '../webhooks/events';

type JsonSchema = Record<string, unknown>;

/** JSON Schema 2020-12 (OpenAPI 3.1's dialect) of a zod schema, as a client sends or receives it. */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
	const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'any' }) as JsonSchema;
	return rest;
}

const ERROR_REF = { $ref: '#/components/schemas/Error' };
const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: ERROR_REF } } });

const STATUS_TEXT: Record<number, string> = {
	400: 'The body is not valid JSON.',
	401: 'No token, or an invalid or revoked one.',
	403: 'The token lacks the scope this endpoint needs.',
	404: 'Not found in this token’s workspace.',
	405: 'Method not allowed.',
	409: 'Conflicts with the current data.',
	413: 'The body is too large.',
	415: 'The body is not JSON.',
	422: 'A field is missing or wrong; `field` names it.',
	429: 'Rate limited; retry after the Retry-After header’s seconds.',
	500: 'A fault on our side; nothing was applied.'
};

function parameters(op: ApiOperation) {
	const list: Record<string, unknown>[] = [];
	for (const [name, description] of Object.entries(op.pathParams ?? {})) list.push({ name, in: 'path', required: true, description, schema: { type: 'string', format: 'uuid' } });
	if (op.query) {
		const schema = jsonSchema(op.query, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
		for (const [name, prop] of Object.entries(schema.properties ?? {})) {
			const { description, ...rest } = prop;
			list.push({ name, in: 'query', required: schema.required?.includes(name) ?? false, ...(description ? { description } : {}), schema: rest });
		}
	}
	if (op.idempotencyKey)
		list.push({
			name: 'Idempotency-Key',
			in: 'header',
			required: op.idempotencyKey === 'required',
			description: 'A unique key per batch (e.g. a UUID). A retry with the same key and body is applied once; kept 24 hours.',
			schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' }
		});
	return list;
}

function operation(op: ApiOperation) {
	const success = { description: op.success.description, content: { 'application/json': { schema: jsonSchema(op.success.schema, 'output') } } };
	const responses: Record<string, unknown> = { [op.success.status]: success };
	if (op.success.created) responses['201'] = success;
	const statuses = new Set([...op.errors, ...(op.scope ? [401, 403, 429] : []), 405, 500]);
	for (const status of [...statuses].sort()) responses[status] = errorResponse(STATUS_TEXT[status] ?? 'Error.');
	return {
		operationId: op.operationId,
		summary: op.summary,
		description: op.description + (op.scope ? `\n\nNeeds a token with the \`${op.scope}\` scope.` : '\n\nPublic: no token needed.'),
		tags: [op.tag],
		security: op.scope ? [{ bearerToken: [] }] : [],
		'x-required-scope': op.scope,
		parameters: parameters(op),
		...(op.body
			? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.body, 'input'), ...(op.example ? { example: op.example } : {}) } } } }
			: {}),
		responses
	};
}

/**
 * The OpenAPI 3.1 document of REST API v1, built from API_OPERATIONS: the same zod schemas the
 * handlers parse with, so the document cannot drift from what the endpoints accept and return.
 */
export function buildOpenApiDocument(serverUrl?: string) {
	const paths: Record<string, Record<string, unknown>> = {};
	for (const op of API_OPERATIONS) (paths[op.path] ??= {})[op.method] = operation(op);
	return {
		openapi: '3.1.0',
		info: {
			title: 'Signalroom REST API',
			version: '1.0.0',
			description: [
				'Keep Signalroom’s CRM in step with your other systems: upsert accounts, contacts and deals, ingest activities into timelines, and read accounts with their timelines.',
				'',
				'Authenticate with `Authorization: Bearer <token>`; admins create tokens with scopes under Data → API in the workspace.',
				`Scopes: ${API_SCOPES.map((s) => `\`${s}\` (${API_SCOPE_LABELS[s]})`).join('; ')}.`,
				'Each token has a per-minute rate limit (RateLimit-* headers on every answer; 429 with Retry-After past it).',
				'Every error is `{ "error": { "code", "message", "field"? } }`.',
				'',
				`Webhooks: ${WEBHOOK_EVENTS.map((e) => `\`${e}\` (${WEBHOOK_EVENT_LABELS[e]})`).join('; ')}. Each POST carries Signalroom-Signature: v1=<hex HMAC-SHA256 of "<Signalroom-Timestamp>.<raw body>" with the endpoint's secret>.`
			].join('\n')
		},
		servers: serverUrl ? [{ url: serverUrl }] : [],
		tags: ['Activities', 'Accounts', 'Contacts', 'Deals', 'Meta'].map((name) => ({ name })),
		paths,
		components: {
			securitySchemes: { bearerToken: { type: 'http', scheme: 'bearer', description: 'An API token (sr_…) created by a workspace admin.' } },
			schemas: { Error: { ...jsonSchema(apiErrorSchema, 'output'), description: Object.entries(API_ERRORS).map(([code, [status, when]]) => `${code} (${status}): ${when}`).join('\n') } }
		}
	};
}
