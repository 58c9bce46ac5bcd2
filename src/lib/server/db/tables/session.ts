import { index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { user, workspace } from './auth';

export const sessionStatusEnum = pgEnum('session_status', ['planned', 'live', 'ended']);

/**
 * A facilitated practice session. `plan` is what was planned; `state` is the reducer's state after
 * event `lastSeq` (sealed inputs included, so it never leaves the server unprojected).
 */
export const practiceSession = pgTable(
	'practice_session',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		workspaceId: uuid('workspace_id')
			.notNull()
			.references(() => workspace.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		objective: text('objective').notNull(),
		scheduledAt: timestamp('scheduled_at', { withTimezone: true }).notNull(),
		plan: jsonb('plan').$type<Record<string, unknown>>().notNull(),
		facilitatorId: uuid('facilitator_id').references(() => user.id, { onDelete: 'set null' }),
		status: sessionStatusEnum('status').notNull().default('planned'),
		state: jsonb('state').$type<Record<string, unknown>>().notNull(),
		lastSeq: integer('last_seq').notNull().default(0),
		createdBy: uuid('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		startedAt: timestamp('started_at', { withTimezone: true }),
		endedAt: timestamp('ended_at', { withTimezone: true })
	},
	(t) => [index('practice_session_ws_scheduled_idx').on(t.workspaceId, t.scheduledAt)]
);

export const sessionParticipant = pgTable(
	'session_participant',
	{
		sessionId: uuid('session_id')
			.notNull()
			.references(() => practiceSession.id, { onDelete: 'cascade' }),
		userId: uuid('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.sessionId, t.userId] }), index('session_participant_user_idx').on(t.userId)]
);

/** The append-only log: one row per event, numbered per session; a command's id appears once. */
export const sessionEvent = pgTable(
	'session_event',
	{
		sessionId: uuid('session_id')
			.notNull()
			.references(() => practiceSession.id, { onDelete: 'cascade' }),
		seq: integer('seq').notNull(),
		commandId: uuid('command_id').notNull(),
		actorId: uuid('actor_id').references(() => user.id, { onDelete: 'set null' }),
		type: text('type').notNull(),
		event: jsonb('event').$type<Record<string, unknown>>().notNull(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.sessionId, t.seq] })]
);

/** Commands already applied, so a resent command is acknowledged again instead of applied twice. */
export const sessionCommand = pgTable(
	'session_command',
	{
		sessionId: uuid('session_id')
			.notNull()
			.references(() => practiceSession.id, { onDelete: 'cascade' }),
		commandId: uuid('command_id').notNull(),
		firstSeq: integer('first_seq'),
		lastSeq: integer('last_seq'),
		refusal: text('refusal'),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('session_command_idx').on(t.sessionId, t.commandId)]
);
