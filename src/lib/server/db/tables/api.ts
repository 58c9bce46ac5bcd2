import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { user, workspace } from './auth';

/** A REST API v1 token. Only the SHA-256 of the secret is stored; the secret is shown once. */
export const apiToken = pgTable(
	'api_token',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		workspaceId: uuid('workspace_id')
			.notNull()
			.references(() => workspace.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		tokenHash: text('token_hash').notNull(),
		/** The first characters of the secret ("sr_ab12"), so admins can tell tokens apart. */
		prefix: text('prefix').notNull(),
		scopes: text('scopes').array().notNull(),
		/** Requests allowed per minute; shared by every app process (counted in api_rate_window). */
		ratePerMinute: integer('rate_per_minute').notNull().default(600),
		createdBy: uuid('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
		revokedAt: timestamp('revoked_at', { withTimezone: true })
	},
	(t) => [uniqueIndex('api_token_hash_idx').on(t.tokenHash), index('api_token_ws_idx').on(t.workspaceId)]
);

/** Requests per token per fixed one-minute window: one upsert per request, shared across processes. */
export const apiRateWindow = pgTable(
	'api_rate_window',
	{
		tokenId: uuid('token_id')
			.notNull()
			.references(() => apiToken.id, { onDelete: 'cascade' }),
		windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
		count: integer('count').notNull()
	},
	(t) => [primaryKey({ columns: [t.tokenId, t.windowStart] })]
);

/**
 * One row per Idempotency-Key a workspace used: the request's hash and the response it got, so a
 * retried request gets the same answer without being applied twice. Kept for 24 hours.
 */
export const apiIdempotency = pgTable(
	'api_idempotency',
	{
		workspaceId: uuid('workspace_id')
			.notNull()
			.references(() => workspace.id, { onDelete: 'cascade' }),
		key: text('key').notNull(),
		/** SHA-256 of method, path and body: the same key with another request is refused. */
		requestHash: text('request_hash').notNull(),
		status: integer('status').notNull(),
		response: jsonb('response').$type<unknown>().notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.workspaceId, t.key] }), index('api_idempotency_created_idx').on(t.createdAt)]
);

export type ApiTokenRow = typeof apiToken.$inferSelect;
