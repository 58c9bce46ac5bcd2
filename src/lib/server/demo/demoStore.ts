import { getTableColumns, getTableName } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Department, Role } from '../../domain/crm/vocabulary';
import { account, activity, contact, deal, membership, note, task, user, workspace } from '../db/schema';

/** The tables a demo writes, parents before children. */
export const DEMO_TABLES = { workspace, user, membership, account, contact, deal, activity, note, task } as const;
export type DemoTable = keyof typeof DEMO_TABLES;

export interface DemoUser {
	email: string;
	name: string;
	role: Role;
	department: Department;
}

/**
 * Where a demo is written: batched multi-row inserts through drizzle (any driver), or COPY
 * through postgres.js. Both run inside one transaction opened by their caller.
 */
export interface DemoStore {
	findWorkspace(slug: string): Promise<{ id: string } | null>;
	/** Ids of the users that already exist, by email. */
	findUsers(emails: readonly string[]): Promise<Map<string, string>>;
	listMembers(workspaceId: string): Promise<DemoUser[]>;
	/** Queues rows (keyed by the schema's property names); flushed in batches, in write order. */
	write(table: DemoTable, rows: readonly object[]): Promise<void>;
	/** Writes whatever is still queued. */
	flush(): Promise<void>;
}

export interface StoredColumn {
	/** Property name in rows (and in the drizzle schema). */
	key: string;
	/** Column name in the database. */
	name: string;
	sqlType: string;
}

/** The columns a demo fills: every column except identities the database generates. */
export function storedColumns(table: DemoTable): StoredColumn[] {
	return Object.entries(getTableColumns(DEMO_TABLES[table] as PgTable))
		.filter(([, column]) => (column as { generatedIdentity?: unknown }).generatedIdentity === undefined)
		.map(([key, column]) => ({ key, name: column.name, sqlType: column.getSQLType() }));
}

export function tableName(table: DemoTable): string {
	return getTableName(DEMO_TABLES[table]);
}

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
