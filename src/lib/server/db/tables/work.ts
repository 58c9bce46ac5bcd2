import { sql } from 'drizzle-orm';
import { bigint, check, date, index, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { user, workspace } from './auth';
import { account, contact, deal } from './crm';
import { activity } from './activity';
import { taskStatusEnum } from './enums';
import { practiceSession } from './session';

const workspaceId = () =>
	uuid('workspace_id')
		.notNull()
		.references(() => workspace.id, { onDelete: 'cascade' });

export const note = pgTable(
	'note',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		workspaceId: workspaceId(),
		accountId: uuid('account_id')
			.notNull()
			.references(() => account.id, { onDelete: 'cascade' }),
		contactId: uuid('contact_id').references(() => contact.id, { onDelete: 'set null' }),
		dealId: uuid('deal_id').references(() => deal.id, { onDelete: 'set null' }),
		authorId: uuid('author_id').references(() => user.id, { onDelete: 'set null' }),
		body: text('body').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('note_ws_account_idx').on(t.workspaceId, t.accountId, t.createdAt)]
);

export const task = pgTable(
	'task',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		workspaceId: workspaceId(),
		title: text('title').notNull(),
		ownerId: uuid('owner_id').references(() => user.id, { onDelete: 'set null' }),
		dueOn: date('due_on'),
		status: taskStatusEnum('status').notNull().default('open'),
		accountId: uuid('account_id').references(() => account.id, { onDelete: 'cascade' }),
		contactId: uuid('contact_id').references(() => contact.id, { onDelete: 'set null' }),
		dealId: uuid('deal_id').references(() => deal.id, { onDelete: 'set null' }),
		/** The practice session whose action item this task is (practice impact counts them). */
		sessionId: uuid('session_id').references((): AnyPgColumn => practiceSession.id, { onDelete: 'set null' }),
		createdBy: uuid('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		completedAt: timestamp('completed_at', { withTimezone: true })
	},
	(t) => [
		index('task_ws_account_idx').on(t.workspaceId, t.accountId),
		index('task_ws_owner_status_idx').on(t.workspaceId, t.ownerId, t.status, t.dueOn)
	]
);

export const tag = pgTable(
	'tag',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		workspaceId: workspaceId(),
		name: text('name').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('tag_ws_name_idx').on(t.workspaceId, t.name)]
);

/** A tag on exactly one of: an account, a contact or an activity. */
export const tagging = pgTable(
	'tagging',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		workspaceId: workspaceId(),
		tagId: uuid('tag_id')
			.notNull()
			.references(() => tag.id, { onDelete: 'cascade' }),
		accountId: uuid('account_id').references(() => account.id, { onDelete: 'cascade' }),
		contactId: uuid('contact_id').references(() => contact.id, { onDelete: 'cascade' }),
		activityId: bigint('activity_id', { mode: 'number' }).references(() => activity.id, { onDelete: 'cascade' }),
		createdBy: uuid('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('tagging_ws_tag_idx').on(t.workspaceId, t.tagId),
		index('tagging_activity_idx').on(t.activityId),
		check('tagging_one_target', sql`num_nonnulls(${t.accountId}, ${t.contactId}, ${t.activityId}) = 1`)
	]
);
