import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiRoute, methodNotAllowed } from '$lib/server/api/apiRoute';
import { readJsonBody } from '$lib/server/api/readBody';
import { readIdempotencyKey, requestFingerprint, runIdempotent } from '$lib/server/api/idempotency';
import { ingestActivities } from '$lib/server/api/ingestActivities';
import { ingestBatch } from '$lib/domain/api/activitySchemas';

/** Ingest: up to 1,000 activities per request, applied once per Idempotency-Key. */
export const POST: RequestHandler = apiRoute('ingest', async ({ event, db, principal }) => {
	const key = readIdempotencyKey(event.request, true)!;
	const { data, raw } = await readJsonBody(event.request, ingestBatch);
	const result = await runIdempotent(db, principal.workspaceId, key, requestFingerprint('POST', event.url.pathname, raw), async (tx) => {
		const ids = await ingestActivities(tx, principal.workspaceId, data.activities);
		return { status: 201, body: { inserted: ids.length, activityIds: ids } };
	});
	return json(result.body, { status: result.status, headers: result.replayed ? { 'Idempotent-Replayed': 'true' } : {} });
});

export const fallback = methodNotAllowed(['POST']);
