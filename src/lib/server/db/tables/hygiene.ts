import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user, workspace } from './auth';

/** Per-workspace data-hygiene settings; a workspace without a row uses the defaults. */
export const hygieneSettings = pgTable(
	'hygiene_settings',
	{
		workspaceId: uuid('workspace_id')
			.primaryKey()
			.references(() => workspace.id, { onDelete: 'cascade' }),
		/** An account with no activity for this many days is stale. */
		staleDays: integer('stale_days').notNull().default(90),
		/** 'monthly' or 'off'. */
		auditSchedule: text('audit_schedule').notNull().default('monthly'),
		updatedBy: uuid('updated_by').references(() => user.id, { onDelete: 'set null' }),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		check('hygiene_settings_stale_days', sql`${t.staleDays} between 1 and 3650`),
		check('hygiene_settings_schedule', sql`${t.auditSchedule} in ('monthly', 'off')`)
	]
);

/** One data audit's result: counts per problem and the quality score, kept so the trend shows. */
export const dataAudit = pgTable(
	'data_audit',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		workspaceId: uuid('workspace_id')
			.notNull()
			.references(() => workspace.id, { onDelete: 'cascade' }),
		/** 'schedule' or 'manual'. */
		trigger: text('trigger').notNull(),
		actorId: uuid('actor_id').references(() => user.id, { onDelete: 'set null' }),
		staleDays: integer('stale_days').notNull(),
		counts: jsonb('counts').$type<Record<string, number>>().notNull(),
		score: integer('score').notNull(),
		ranAt: timestamp('ran_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('data_audit_ws_ran_idx').on(t.workspaceId, t.ranAt.desc())]
);

/** A merge of two contacts or two accounts: both records as they were, what was chosen and moved. */
export const mergeRecord = pgTable(
	'merge_record',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		workspaceId: uuid('workspace_id')
			.notNull()
			.references(() => workspace.id, { onDelete: 'cascade' }),
		/** 'contact' or 'account'. */
		kind: text('kind').notNull(),
		survivorId: uuid('survivor_id').notNull(),
		loserId: uuid('loser_id').notNull(),
		survivorBefore: jsonb('survivor_before').$type<Record<string, unknown>>().notNull(),
		loserBefore: jsonb('loser_before').$type<Record<string, unknown>>().notNull(),
		/** Field name -> 'survivor' or 'loser': whose value the merged record kept. */
		choices: jsonb('choices').$type<Record<string, string>>().notNull(),
		/** Rows moved to the survivor, per table. */
		moved: jsonb('moved').$type<Record<string, number>>().notNull(),
		actorId: uuid('actor_id').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('merge_record_ws_created_idx').on(t.workspaceId, t.createdAt.desc()),
		index('merge_record_survivor_idx').on(t.survivorId),
		index('merge_record_loser_idx').on(t.loserId)
	]
);
