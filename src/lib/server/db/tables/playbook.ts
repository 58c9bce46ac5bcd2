import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { user, workspace } from './auth';
import { departmentEnum } from './enums';

/** A playbook document as stored in a revision: ordered sections of Markdown. */
export interface StoredPlaybook {
	sections: { slug: string; title: string; body: string }[];
}

export const proposalStatusEnum = pgEnum('proposal_status', ['open', 'changes_requested', 'approved', 'merged', 'closed']);
export const reviewKindEnum = pgEnum('review_kind', ['comment', 'request_changes', 'approve']);

const workspaceId = () =>
	uuid('workspace_id')
		.notNull()
		.references(() => workspace.id, { onDelete: 'cascade' });

/**
 * Immutable full snapshots. `number` counts up per workspace; saving inserts base + 1, so two
 * people saving from the same base collide on the unique index instead of overwriting each other.
 */
export const playbookRevision = pgTable(
	'playbook_revision',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		workspaceId: workspaceId(),
		number: integer('number').notNull(),
		document: jsonb('document').$type<StoredPlaybook>().notNull(),
		authorId: uuid('author_id').references(() => user.id, { onDelete: 'set null' }),
		reason: text('reason').notNull(),
		/** The practice session the change came from (sessions arrive with live sessions). */
		sessionId: uuid('session_id'),
		proposalId: uuid('proposal_id'),
		restoredFrom: integer('restored_from'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('playbook_revision_ws_number_idx').on(t.workspaceId, t.number), check('playbook_revision_number_positive', sql`${t.number} > 0`)]
);

export const playbookProposal = pgTable(
	'playbook_proposal',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		workspaceId: workspaceId(),
		number: integer('number').notNull(),
		title: text('title').notNull(),
		reason: text('reason').notNull(),
		authorId: uuid('author_id').references(() => user.id, { onDelete: 'set null' }),
		baseRevision: integer('base_revision').notNull(),
		document: jsonb('document').$type<StoredPlaybook>().notNull(),
		status: proposalStatusEnum('status').notNull().default('open'),
		mergedRevision: integer('merged_revision'),
		sessionId: uuid('session_id'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('playbook_proposal_ws_number_idx').on(t.workspaceId, t.number), index('playbook_proposal_ws_status_idx').on(t.workspaceId, t.status)]
);

export const playbookReview = pgTable(
	'playbook_review',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		workspaceId: workspaceId(),
		proposalId: uuid('proposal_id')
			.notNull()
			.references(() => playbookProposal.id, { onDelete: 'cascade' }),
		authorId: uuid('author_id').references(() => user.id, { onDelete: 'set null' }),
		kind: reviewKindEnum('kind').notNull(),
		body: text('body').notNull().default(''),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('playbook_review_proposal_idx').on(t.proposalId, t.createdAt)]
);

/** Each reader's last-read revision, so "changed since you last read" is a diff. */
export const playbookRead = pgTable(
	'playbook_read',
	{
		workspaceId: workspaceId(),
		userId: uuid('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		revision: integer('revision').notNull(),
		readAt: timestamp('read_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.workspaceId, t.userId] })]
);

/** A member of a notified department is asked to acknowledge a changed signal. */
export const signalAcknowledgement = pgTable(
	'signal_acknowledgement',
	{
		workspaceId: workspaceId(),
		revision: integer('revision').notNull(),
		signalId: text('signal_id').notNull(),
		userId: uuid('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		department: departmentEnum('department').notNull(),
		changes: text('changes').notNull(),
		acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true })
	},
	(t) => [
		primaryKey({ columns: [t.workspaceId, t.revision, t.signalId, t.userId] }),
		index('signal_ack_user_idx').on(t.workspaceId, t.userId, t.acknowledgedAt)
	]
);

/** The admin-defined reading path for new hires: section slugs in order. */
export const readingPath = pgTable('reading_path', {
	workspaceId: uuid('workspace_id')
		.primaryKey()
		.references(() => workspace.id, { onDelete: 'cascade' }),
	sections: jsonb('sections').$type<string[]>().notNull(),
	updatedBy: uuid('updated_by').references(() => user.id, { onDelete: 'set null' }),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

/** A new member's progress along the path, pinned to the revision they started on. */
export const onboardingProgress = pgTable(
	'onboarding_progress',
	{
		workspaceId: workspaceId(),
		userId: uuid('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		pinnedRevision: integer('pinned_revision').notNull(),
		sectionsRead: jsonb('sections_read').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
		startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
		finishedAt: timestamp('finished_at', { withTimezone: true })
	},
	(t) => [primaryKey({ columns: [t.workspaceId, t.userId] })]
);
