import { sql } from 'drizzle-orm';
import { check, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user, workspace } from './auth';

/** Sales and marketing cost per month, entered by admins: the numerator of CAC. */
export const acquisitionCost = pgTable(
	'acquisition_cost',
	{
		workspaceId: uuid('workspace_id')
			.notNull()
			.references(() => workspace.id, { onDelete: 'cascade' }),
		/** 'YYYY-MM' */
		month: text('month').notNull(),
		/** Whole dollars. */
		amount: integer('amount').notNull(),
		updatedBy: uuid('updated_by').references(() => user.id, { onDelete: 'set null' }),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.workspaceId, t.month] }),
		check('acquisition_cost_month', sql`${t.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
		check('acquisition_cost_amount', sql`${t.amount} >= 0`)
	]
);
