import { sql } from 'drizzle-orm';
import { bigint, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { user, workspace } from './auth';
import { account } from './crm';
import { task } from './work';

/**
 * One occurrence of a playbook signal on an account, found by detection. Open while the rule
 * still holds (closed_at null); closed, never deleted, when it stops, so history is kept. At most
 * one open hit per (signal, account): the partial unique index makes concurrent detections safe.
 */
export const signalHit = pgTable(
	'signal_hit',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		workspaceId: uuid('workspace_id')
			.notNull()
			.references(() => workspace.id, { onDelete: 'cascade' }),
		/** The playbook signal's id (its key in the playbook, stable across revisions). */
		signalKey: text('signal_key').notNull(),
		accountId: uuid('account_id')
			.notNull()
			.references(() => account.id, { onDelete: 'cascade' }),
		/** When this occurrence started to hold. */
		firstFiredAt: timestamp('first_fired_at', { withTimezone: true, precision: 3 }).notNull(),
		/**
		 * While open: the last sweep that confirmed it holds, or the last detection that changed its
		 * evidence or revision (incremental detection does not rewrite an unchanged hit). Once
		 * closed: when it stopped holding.
		 */
		lastFiredAt: timestamp('last_fired_at', { withTimezone: true, precision: 3 }).notNull(),
		/** Activity ids that made it fire, by (occurred_at, id). */
		evidence: bigint('evidence', { mode: 'number' }).array().notNull().default(sql`'{}'::bigint[]`),
		/** When the latest evidence activity happened (lead score decay counts from here). */
		evidenceAt: timestamp('evidence_at', { withTimezone: true, precision: 3 }),
		/** The playbook revision whose rule found it (updated while it stays open). */
		revision: integer('revision').notNull(),
		closedAt: timestamp('closed_at', { withTimezone: true, precision: 3 }),
		/** The follow-up task the hit created, when its signal asks for one. */
		taskId: uuid('task_id').references(() => task.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('signal_hit_open_idx').on(t.workspaceId, t.signalKey, t.accountId).where(sql`${t.closedAt} is null`),
		index('signal_hit_ws_account_idx').on(t.workspaceId, t.accountId, t.firstFiredAt),
		index('signal_hit_ws_signal_idx').on(t.workspaceId, t.signalKey, t.firstFiredAt),
		/** Signal trends: a workspace's hits that started in a range of weeks, whatever the signal. */
		index('signal_hit_ws_fired_idx').on(t.workspaceId, t.firstFiredAt)
	]
);

/**
 * An alert in one person's inbox about one hit: the account owner's, or a member of a department
 * the signal notifies. One per (hit, person), so an open hit never alerts the same person twice.
 */
export const signalAlert = pgTable(
	'signal_alert',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		workspaceId: uuid('workspace_id')
			.notNull()
			.references(() => workspace.id, { onDelete: 'cascade' }),
		hitId: uuid('hit_id')
			.notNull()
			.references(() => signalHit.id, { onDelete: 'cascade' }),
		userId: uuid('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		/** Why this person: 'owner' (of the account) or the department the signal notifies. */
		reason: text('reason').notNull(),
		/** Signal name and follow-up template as they read when the alert was made. */
		signalName: text('signal_name').notNull(),
		template: text('template'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		readAt: timestamp('read_at', { withTimezone: true })
	},
	(t) => [
		uniqueIndex('signal_alert_hit_user_idx').on(t.hitId, t.userId),
		index('signal_alert_inbox_idx').on(t.workspaceId, t.userId, t.createdAt)
	]
);
