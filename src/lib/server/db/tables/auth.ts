import { bigint, boolean, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { departmentEnum, roleEnum } from './enums';

export const workspace = pgTable('workspace', {
	id: uuid('id').primaryKey().defaultRandom(),
	name: text('name').notNull(),
	slug: text('slug').notNull().unique(),
	isDemo: boolean('is_demo').notNull().default(false),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});

export const user = pgTable('user', {
	id: uuid('id').primaryKey().defaultRandom(),
	/** Stored lower-cased; unique across the installation. */
	email: text('email').notNull().unique(),
	name: text('name').notNull(),
	passwordHash: text('password_hash').notNull(),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});

export const membership = pgTable(
	'membership',
	{
		workspaceId: uuid('workspace_id')
			.notNull()
			.references(() => workspace.id, { onDelete: 'cascade' }),
		userId: uuid('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		role: roleEnum('role').notNull(),
		department: departmentEnum('department').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.workspaceId, t.userId] }), index('membership_user_idx').on(t.userId)]
);

/** Lucia-style session: the id is the SHA-256 of the cookie token, never the token itself. */
export const authSession = pgTable(
	'auth_session',
	{
		id: text('id').primaryKey(),
		userId: uuid('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull()
	},
	(t) => [index('auth_session_user_idx').on(t.userId)]
);

export const invite = pgTable(
	'invite',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		workspaceId: uuid('workspace_id')
			.notNull()
			.references(() => workspace.id, { onDelete: 'cascade' }),
		/** SHA-256 of the link token; the token is shown once, in the link. */
		tokenHash: text('token_hash').notNull().unique(),
		role: roleEnum('role').notNull(),
		department: departmentEnum('department').notNull(),
		createdBy: uuid('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		acceptedBy: uuid('accepted_by').references(() => user.id, { onDelete: 'set null' }),
		acceptedAt: timestamp('accepted_at', { withTimezone: true }),
		revokedAt: timestamp('revoked_at', { withTimezone: true })
	},
	(t) => [index('invite_workspace_idx').on(t.workspaceId)]
);

/** One row per failed login, keyed "email:x" or "ip:y"; shared by every app process. */
export const loginFailure = pgTable(
	'login_failure',
	{
		id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
		key: text('key').notNull(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('login_failure_key_at_idx').on(t.key, t.at)]
);
