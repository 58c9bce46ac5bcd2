import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { user, workspace } from './auth';
import type { SmartListFilters } from '../../../domain/smartLists/definition';

/**
 * A saved segment of accounts: attribute filters and, optionally, a rule in the signal rule
 * language. Members are evaluated live (never stored here); snapshots keep the history.
 */
export const smartList = pgTable(
	'smart_list',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		workspaceId: uuid('workspace_id')
			.notNull()
			.references(() => workspace.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		description: text('description').notNull().default(''),
		/** Rule text as the user wrote it (comments and line breaks kept); null: filters only. */
		rule: text('rule'),
		filters: jsonb('filters').$type<SmartListFilters>().notNull(),
		createdBy: uuid('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedBy: uuid('updated_by').references(() => user.id, { onDelete: 'set null' }),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('smart_list_ws_name_idx').on(t.workspaceId, sql`lower(${t.name})`)]
);

/**
 * A list's members on one day (UTC): one row per list per day. The daily job fills a missing day;
 * creating or editing a list replaces that day's row, so it always matches the latest definition.
 */
export const smartListSnapshot = pgTable(
	'smart_list_snapshot',
	{
		listId: uuid('list_id')
			.notNull()
			.references(() => smartList.id, { onDelete: 'cascade' }),
		workspaceId: uuid('workspace_id')
			.notNull()
			.references(() => workspace.id, { onDelete: 'cascade' }),
		day: date('day').notNull(),
		memberCount: integer('member_count').notNull(),
		/** Account ids, sorted. Not foreign keys: a deleted account stays in history as an id. */
		memberIds: uuid('member_ids').array().notNull().default(sql`'{}'::uuid[]`),
		takenAt: timestamp('taken_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('smart_list_snapshot_list_day_idx').on(t.listId, t.day), index('smart_list_snapshot_ws_idx').on(t.workspaceId)]
);
