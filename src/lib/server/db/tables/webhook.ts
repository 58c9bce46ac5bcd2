import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user, workspace } from './auth';

/** A URL an admin registered to receive signed event deliveries. */
export const webhookEndpoint = pgTable(
	'webhook_endpoint',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		workspaceId: uuid('workspace_id')
			.notNull()
			.references(() => workspace.id, { onDelete: 'cascade' }),
		url: text('url').notNull(),
		description: text('description'),
		events: text('events').array().notNull(),
		/** The HMAC key; the receiver holds a copy to check signatures, so it is kept as is. */
		secret: text('secret').notNull(),
		createdBy: uuid('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		disabledAt: timestamp('disabled_at', { withTimezone: true })
	},
	(t) => [index('webhook_endpoint_ws_idx').on(t.workspaceId)]
);

/** The outbox: one row per event, written in the same transaction as the change it reports. */
export const webhookEvent = pgTable(
	'webhook_event',
	{
		id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
		workspaceId: uuid('workspace_id')
			.notNull()
			.references(() => workspace.id, { onDelete: 'cascade' }),
		type: text('type').notNull(),
		payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('webhook_event_ws_idx').on(t.workspaceId, t.id)]
);

/** One event for one endpoint: pending until a 2xx, retried with backoff, failed after the last try. */
export const webhookDelivery = pgTable(
	'webhook_delivery',
	{
		id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
		workspaceId: uuid('workspace_id')
			.notNull()
			.references(() => workspace.id, { onDelete: 'cascade' }),
		eventId: bigint('event_id', { mode: 'number' })
			.notNull()
			.references(() => webhookEvent.id, { onDelete: 'cascade' }),
		endpointId: uuid('endpoint_id')
			.notNull()
			.references(() => webhookEndpoint.id, { onDelete: 'cascade' }),
		/** pending, succeeded or failed. */
		status: text('status').notNull().default('pending'),
		attempts: integer('attempts').notNull().default(0),
		nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
		/** A worker holds the delivery until then; another process may take it over after. */
		lockedUntil: timestamp('locked_until', { withTimezone: true }),
		lastStatusCode: integer('last_status_code'),
		lastError: text('last_error'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		deliveredAt: timestamp('delivered_at', { withTimezone: true })
	},
	(t) => [
		index('webhook_delivery_due_idx').on(t.nextAttemptAt).where(sql`status = 'pending'`),
		index('webhook_delivery_endpoint_idx').on(t.endpointId, t.id.desc())
	]
);

/** Every HTTP attempt of a delivery, with what the receiver answered. */
export const webhookAttempt = pgTable(
	'webhook_attempt',
	{
		id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
		deliveryId: bigint('delivery_id', { mode: 'number' })
			.notNull()
			.references(() => webhookDelivery.id, { onDelete: 'cascade' }),
		attemptedAt: timestamp('attempted_at', { withTimezone: true }).notNull().defaultNow(),
		statusCode: integer('status_code'),
		error: text('error'),
		durationMs: integer('duration_ms').notNull(),
		responseBody: text('response_body')
	},
	(t) => [index('webhook_attempt_delivery_idx').on(t.deliveryId, t.id)]
);
