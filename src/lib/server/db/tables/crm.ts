import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { user, workspace } from './auth';
import { accountLifecycleEnum, contactLifecycleEnum, dealOutcomeEnum, dealStageEnum } from './enums';

const timestamps = {
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
};

const workspaceId = () =>
	uuid('workspace_id')
		.notNull()
		.references(() => workspace.id, { onDelete: 'cascade' });

export const account = pgTable(
	'account',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		workspaceId: workspaceId(),
		name: text('name').notNull(),
		/** Normalized: lower case, no scheme, no www, no path. */
		domain: text('domain'),
		industry: text('industry'),
		size: text('size'),
		ownerId: uuid('owner_id').references(() => user.id, { onDelete: 'set null' }),
		lifecycle: accountLifecycleEnum('lifecycle').notNull().default('lead'),
		plan: text('plan'),
		/** Annual recurring revenue in whole US dollars. */
		arr: integer('arr').notNull().default(0),
		externalId: text('external_id'),
		...timestamps
	},
	(t) => [
		index('account_ws_name_idx').on(t.workspaceId, t.name),
		index('account_ws_domain_idx').on(t.workspaceId, t.domain),
		index('account_ws_lifecycle_idx').on(t.workspaceId, t.lifecycle),
		uniqueIndex('account_ws_external_idx').on(t.workspaceId, t.externalId)
	]
);

export const contact = pgTable(
	'contact',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		workspaceId: workspaceId(),
		accountId: uuid('account_id').references(() => account.id, { onDelete: 'set null' }),
		firstName: text('first_name').notNull(),
		lastName: text('last_name').notNull().default(''),
		/** Stored lower-cased. Not unique: duplicates are found and merged by the hygiene tools. */
		email: text('email'),
		title: text('title'),
		lifecycle: contactLifecycleEnum('lifecycle').notNull().default('subscriber'),
		externalId: text('external_id'),
		...timestamps
	},
	(t) => [
		index('contact_ws_account_idx').on(t.workspaceId, t.accountId),
		index('contact_ws_email_idx').on(t.workspaceId, t.email),
		index('contact_ws_name_idx').on(t.workspaceId, t.lastName, t.firstName),
		uniqueIndex('contact_ws_external_idx').on(t.workspaceId, t.externalId)
	]
);

export const deal = pgTable(
	'deal',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		workspaceId: workspaceId(),
		accountId: uuid('account_id')
			.notNull()
			.references(() => account.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		stage: dealStageEnum('stage').notNull().default('discovery'),
		outcome: dealOutcomeEnum('outcome').notNull().default('open'),
		amount: integer('amount').notNull().default(0),
		ownerId: uuid('owner_id').references(() => user.id, { onDelete: 'set null' }),
		openedOn: date('opened_on').notNull(),
		/** Expected close date while open; actual close date once won or lost. */
		closeOn: date('close_on'),
		externalId: text('external_id'),
		...timestamps
	},
	(t) => [
		index('deal_ws_stage_idx').on(t.workspaceId, t.stage),
		index('deal_ws_account_idx').on(t.workspaceId, t.accountId),
		uniqueIndex('deal_ws_external_idx').on(t.workspaceId, t.externalId),
		check(
			'deal_outcome_matches_stage',
			sql`${t.outcome} = case ${t.stage} when 'closed_won' then 'won'::deal_outcome when 'closed_lost' then 'lost'::deal_outcome else 'open'::deal_outcome end`
		)
	]
);
