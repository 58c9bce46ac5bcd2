import type { RequestHandler } from './$types';
import { postOnly, upsertBatchRoute } from '$lib/server/api/upsertRoutes';
import { upsertContactsApi } from '$lib/server/api/upsertApi';
import { contactBatch } from '$lib/domain/api/upsertSchemas';

/** Upsert up to 1,000 contacts in one transaction: all or nothing. */
export const POST: RequestHandler = upsertBatchRoute('contacts', contactBatch, upsertContactsApi);

export const fallback = postOnly;
