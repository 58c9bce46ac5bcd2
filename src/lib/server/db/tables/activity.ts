import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { user, workspace } from './auth';
import { account, contact } from './crm';
import { activityTypeEnum, departmentEnum } from './enums';

/**
 * The table that grows. Every query on it leads with (workspace_id, account_id) or
 * (workspace_id, type) and pages by (occurred_at, id), so it stays ready for time partitioning.
 */
export const activity = pgTable(
	'activity',
	{
		id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
		workspaceId: uuid('workspace_id')
			.notNull()
			.references(() => workspace.id, { onDelete: 'cascade' }),
		accountId: uuid('account_id')
			.notNull()
			.references(() => account.id, { onDelete: 'cascade' }),
		contactId: uuid('contact_id').references(() => contact.id, { onDelete: 'set null' }),
		type: activityTypeEnum('type').notNull(),
		occurredAt: timestamp('occurred_at', { withTimezone: true, precision: 3 }).notNull(),
		department: departmentEnum('department').notNull(),
		actorId: uuid('actor_id').references(() => user.id, { onDelete: 'set null' }),
		properties: jsonb('properties').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
		/** The event's id in the system it came from (CSV import, API): a re-import skips it. */
		externalId: text('external_id'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('activity_timeline_idx').on(t.workspaceId, t.accountId, t.occurredAt.desc(), t.id.desc()),
		index('activity_ws_time_idx').on(t.workspaceId, t.occurredAt.desc()),
		index('activity_ws_type_time_idx').on(t.workspaceId, t.type, t.occurredAt),
		index('activity_contact_idx').on(t.contactId),
		uniqueIndex('activity_ws_external_idx').on(t.workspaceId, t.externalId).where(sql`${t.externalId} is not null`)
	]
);
