import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user, workspace } from './auth';

/** Append-only log of sensitive actions (imports, merges, erasures, exports, tokens, roles, webhooks). */
export const auditEntry = pgTable(
	'audit_entry',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		workspaceId: uuid('workspace_id')
			.notNull()
			.references(() => workspace.id, { onDelete: 'cascade' }),
		/** Null when the actor was an API token or the user has since been deleted. */
		actorId: uuid('actor_id').references(() => user.id, { onDelete: 'set null' }),
		/** Who did it, as shown then (a user's name, or "API token <name>"): kept when the user goes. */
		actorLabel: text('actor_label').notNull(),
		action: text('action').notNull(),
		/** What it was done to: "contact", "account", "token", ...; with its id when there is one. */
		subjectType: text('subject_type'),
		subjectId: text('subject_id'),
		summary: text('summary').notNull(),
		details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('audit_entry_ws_created_idx').on(t.workspaceId, t.createdAt.desc()),
		index('audit_entry_ws_action_idx').on(t.workspaceId, t.action, t.createdAt.desc())
	]
);
