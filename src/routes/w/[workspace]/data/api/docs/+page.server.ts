import type { PageServerLoad } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { API_OPERATIONS } from '$lib/domain/api/operations';
import { API_ERRORS } from '$lib/domain/api/errors';
import { API_SCOPES, API_SCOPE_LABELS } from '$lib/domain/api/scopes';
import { WEBHOOK_EVENTS, WEBHOOK_EVENT_LABELS } from '$lib/domain/webhooks/events';
import { buildOpenApiDocument } from '$lib/domain/api/openapiDocument';

type Param = { name: string; in: string; required: boolean; description?: string; schema?: { type?: string; maximum?: number; default?: unknown } };

/** The readable API reference, from the same operations list the OpenAPI document is built from. */
export const load: PageServerLoad = async (event) => {
	await requireWorkspace(event);
	const doc = buildOpenApiDocument();
	const operations = API_OPERATIONS.map((op) => {
		const spec = doc.paths[op.path][op.method] as { parameters: Param[] };
		return {
			method: op.method.toUpperCase(),
			path: op.path,
			tag: op.tag,
			summary: op.summary,
			description: op.description,
			scope: op.scope,
			successStatus: op.success.status,
			created: op.success.created ?? false,
			params: spec.parameters.map((p) => ({ name: p.name, in: p.in, required: p.required, description: p.description ?? '', type: p.schema?.type ?? 'string' })),
			example: op.example ? JSON.stringify(op.example, null, 2) : null,
			idempotencyKey: op.idempotencyKey ?? null
		};
	});
	return {
		origin: event.url.origin,
		operations,
		errors: Object.entries(API_ERRORS).map(([code, [status, when]]) => ({ code, status, when })),
		scopes: API_SCOPES.map((s) => ({ scope: s, label: API_SCOPE_LABELS[s] })),
		events: WEBHOOK_EVENTS.map((e) => ({ event: e, label: WEBHOOK_EVENT_LABELS[e] }))
	};
};
