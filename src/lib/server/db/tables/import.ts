import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user, workspace } from './auth';

/**
 * One uploaded CSV file and the runs over it (a dry run, then the import). The row is the job's
 * state for every app process and across page reloads; the file itself sits on disk.
 */
export const importJob = pgTable(
	'import_job',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		workspaceId: uuid('workspace_id')
			.notNull()
			.references(() => workspace.id, { onDelete: 'cascade' }),
		createdBy: uuid('created_by').references(() => user.id, { onDelete: 'set null' }),
		entity: text('entity').notNull(),
		fileName: text('file_name').notNull(),
		fileSize: bigint('file_size', { mode: 'number' }).notNull().default(0),
		/** uploading, ready, queued, running, checked (dry run done), done, failed, cancelled. */
		status: text('status').notNull().default('uploading'),
		/** What the current or last run was: a dry run or the real import. */
		phase: text('phase').notNull().default('dry_run'),
		/** Headers, sample rows, distinct values and date formats seen in the file. */
		profile: jsonb('profile').$type<Record<string, unknown>>(),
		/** The admin's mapping, value maps and date formats (ImportPlan) and the chosen preset. */
		plan: jsonb('plan').$type<Record<string, unknown>>(),
		allOrNothing: boolean('all_or_nothing').notNull().default(false),
		cancelRequested: boolean('cancel_requested').notNull().default(false),
		totalRows: integer('total_rows'),
		rowsRead: integer('rows_read').notNull().default(0),
		bytesRead: bigint('bytes_read', { mode: 'number' }).notNull().default(0),
		created: integer('created').notNull().default(0),
		updated: integer('updated').notNull().default(0),
		unchanged: integer('unchanged').notNull().default(0),
		duplicates: integer('duplicates').notNull().default(0),
		errors: integer('errors').notNull().default(0),
		/** Why it failed or stopped, in words for the admin. */
		message: text('message'),
		startedAt: timestamp('started_at', { withTimezone: true }),
		finishedAt: timestamp('finished_at', { withTimezone: true }),
		heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('import_job_ws_created_idx').on(t.workspaceId, t.createdAt.desc())]
);

/** A row the last run refused or skipped, with the column and reason, and the row's cells for the errors file. */
export const importIssue = pgTable(
	'import_issue',
	{
		id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
		jobId: uuid('job_id')
			.notNull()
			.references(() => importJob.id, { onDelete: 'cascade' }),
		/** The row as a spreadsheet numbers it: the header is row 1. */
		rowNumber: integer('row_number').notNull(),
		/** error (refused) or duplicate (skipped: same record as an earlier row). */
		kind: text('kind').notNull(),
		column: text('column').notNull(),
		reason: text('reason').notNull(),
		cells: jsonb('cells').$type<string[]>().notNull()
	},
	(t) => [index('import_issue_job_row_idx').on(t.jobId, t.rowNumber)]
);
