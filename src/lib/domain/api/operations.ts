import { z } from 'zod';
import type { ApiScope } from './scopes';
import { ingestBatch, ingestResult, timelinePageSchema, MAX_BATCH } from './activitySchemas';
import { accountListQuery, accountListSchema, accountWithTimelineSchema, timelineQuery } from './accountSchemas';
import { UPSERT_OPERATIONS } from './upsertOperations';
import { MERGE_OPERATIONS } from './mergeOperations';

/** One endpoint of REST API v1: the single source for the handlers' schemas, the OpenAPI document and the docs page. */
export interface ApiOperation {
	method: 'get' | 'post';
	/** OpenAPI form: /api/v1/accounts/{id}. */
	path: string;
	operationId: string;
	summary: string;
	description: string;
	tag: 'Activities' | 'Accounts' | 'Contacts' | 'Deals' | 'Meta';
	/** Null: public (the document itself). */
	scope: ApiScope | null;
	pathParams?: Record<string, string>;
	query?: z.ZodObject;
	body?: z.ZodType;
	idempotencyKey?: 'required' | 'optional';
	/** `created`: also answers 201 with the same schema when the request created the record. */
	success: { status: number; description: string; schema: z.ZodType; created?: boolean };
	/** Statuses besides 401/403/429/5xx that this endpoint answers with an error body. */
	errors: number[];
	example?: unknown;
}

const accountId = { id: 'The account id (UUID) as this API returns it.' };

export const API_OPERATIONS: ApiOperation[] = [
	{
		method: 'post',
		path: '/api/v1/activities',
		operationId: 'ingestActivities',
		summary: `Ingest up to ${MAX_BATCH.toLocaleString('en-US')} activities`,
		description:
			'Adds events to account timelines, all or nothing. Name each account by `accountId` or `accountExternalId` (and optionally a contact). Send an `Idempotency-Key` per batch: resending the same batch with the same key returns the first answer (with `Idempotent-Replayed: true`) and adds nothing; the same key with a different body is refused. Keys are kept 24 hours.',
		tag: 'Activities',
		scope: 'ingest',
		body: ingestBatch,
		idempotencyKey: 'required',
		success: { status: 201, description: 'The activities were added (or, on a replay, had been).', schema: ingestResult },
		errors: [400, 404, 413, 415, 422],
		example: { activities: [{ type: 'pricing_visit', occurredAt: '2026-03-31T14:05:00Z', accountExternalId: 'hs-1042', contactExternalId: 'hs-c-77', properties: { page: '/pricing', source: 'website' } }] }
	},
	{
		method: 'get',
		path: '/api/v1/accounts',
		operationId: 'listAccounts',
		summary: 'List accounts',
		description: 'Accounts by name, then id. Keyset-paged: pass the `next` of a page as `cursor` for the one after. Filter by `externalId` or `domain`.',
		tag: 'Accounts',
		scope: 'read',
		query: accountListQuery,
		success: { status: 200, description: 'One page of accounts.', schema: accountListSchema },
		errors: [404, 422]
	},
	{
		method: 'get',
		path: '/api/v1/accounts/{id}',
		operationId: 'getAccount',
		summary: 'Get an account with its timeline',
		description: 'The account and the newest page of its timeline (newest first). Fetch older events from /timeline with the `next` cursor.',
		tag: 'Accounts',
		scope: 'read',
		pathParams: accountId,
		query: timelineQuery,
		success: { status: 200, description: 'The account and its newest events.', schema: accountWithTimelineSchema },
		errors: [404, 422]
	},
	{
		method: 'get',
		path: '/api/v1/accounts/{id}/timeline',
		operationId: 'getAccountTimeline',
		summary: 'Page through an account’s timeline',
		description: 'Events newest first, keyset-paged on (occurredAt, id): every page costs the same however deep.',
		tag: 'Accounts',
		scope: 'read',
		pathParams: accountId,
		query: timelineQuery,
		success: { status: 200, description: 'One page of the timeline.', schema: timelinePageSchema },
		errors: [404, 422]
	},
	...UPSERT_OPERATIONS,
	...MERGE_OPERATIONS,
	{
		method: 'get',
		path: '/api/v1/openapi.json',
		operationId: 'getOpenApiDocument',
		summary: 'This document',
		description: 'The OpenAPI 3.1 description of this API, generated from the schemas the endpoints validate with.',
		tag: 'Meta',
		scope: null,
		success: { status: 200, description: 'The OpenAPI document.', schema: z.record(z.string(), z.unknown()) },
		errors: []
	}
];
