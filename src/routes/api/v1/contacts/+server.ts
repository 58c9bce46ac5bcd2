import type { RequestHandler } from './$types';
import { postOnly, upsertOneRoute } from '$lib/server/api/upsertRoutes';
import { getApiContact, upsertContactsApi } from '$lib/server/api/upsertApi';
import { contactUpsert } from '$lib/domain/api/upsertSchemas';

/** Upsert one contact (see the OpenAPI document for how it is matched). */
export const POST: RequestHandler = upsertOneRoute(contactUpsert, upsertContactsApi, getApiContact);

export const fallback = postOnly;
