import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiRoute, methodNotAllowed } from '$lib/server/api/apiRoute';
import { readJsonBody } from '$lib/server/api/readBody';
import { readIdempotencyKey, requestFingerprint } from '$lib/server/api/idempotency';
import { ingestActivityBatch } from '$lib/server/api/ingestActivities';
import { ingestBatch } from '$lib/domain/api/activitySchemas';

/** Ingest: up to 1,000 activities per request, applied once per Idempotency-Key, then signal detection. */
export const POST: RequestHandler = apiRoute('ingest', async ({ event, db, principal }) => {
	const key = readIdempotencyKey(event.request, true)!;
	const { data, raw } = await readJsonBody(event.request, ingestBatch);
	const fingerprint = requestFingerprint('POST', event.url.pathname, raw);
	const result = await ingestActivityBatch(db, principal.workspaceId, { key, fingerprint, activities: data.activities });
	return json(result.body, { status: result.status, headers: result.replayed ? { 'Idempotent-Replayed': 'true' } : {} });
});

export const fallback = methodNotAllowed(['POST']);
