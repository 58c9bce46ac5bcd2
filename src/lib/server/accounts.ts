import { and, asc, count, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from './db/index';
import { account, activity, user } from './db/schema';
import { assertReferences } from './references';
import { enqueueWebhookEvent } from './webhooks/enqueue';
import { accountPayload } from './webhooks/payloads';
import type { AccountInput } from '../domain/crm/inputs';
import type { AccountLifecycle } from '../domain/crm/vocabulary';

export const ACCOUNT_SORTS = ['name', 'arr', 'lifecycle', 'newest'] as const;
export type AccountSort = (typeof ACCOUNT_SORTS)[number];

export interface AccountFilter {
	q?: string;
	lifecycle?: AccountLifecycle | null;
	ownerId?: string | null;
	sort?: AccountSort;
	page?: number;
	pageSize?: number;
}

export interface AccountRow {
	id: string;
	name: string;
	domain: string | null;
	industry: string | null;
	lifecycle: AccountLifecycle;
	plan: string | null;
	arr: number;
	ownerName: string | null;
	lastActivityAt: Date | null;
}

/** Escapes LIKE wildcards so a search for "50%" means the text "50%". */
export function likePattern(q: string): string {
	return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const ORDER: Record<AccountSort, SQL[]> = {
	name: [asc(account.name), asc(account.id)],
	arr: [desc(account.arr), asc(account.name), asc(account.id)],
	lifecycle: [asc(account.lifecycle), asc(account.name), asc(account.id)],
	newest: [desc(account.createdAt), asc(account.id)]
};

export async function listAccounts(
	db: Database,
	workspaceId: string,
	filter: AccountFilter = {}
): Promise<{ rows: AccountRow[]; total: number; page: number; pageSize: number }> {
	const pageSize = filter.pageSize ?? 25;
	const q = filter.q?.trim();
	const where = and(
		eq(account.workspaceId, workspaceId),
		q ? or(ilike(account.name, likePattern(q)), ilike(account.domain, likePattern(q))) : undefined,
		filter.lifecycle ? eq(account.lifecycle, filter.lifecycle) : undefined,
		filter.ownerId ? eq(account.ownerId, filter.ownerId) : undefined
	);
	const [{ total }] = await db.select({ total: count() }).from(account).where(where);
	const lastPage = Math.max(1, Math.ceil(total / pageSize));
	const page = Math.min(Math.max(1, filter.page ?? 1), lastPage);
	const rows = await db
		.select({
			id: account.id,
			name: account.name,
			domain: account.domain,
			industry: account.industry,
			lifecycle: account.lifecycle,
			plan: account.plan,
			arr: account.arr,
			ownerName: user.name,
			// Served by activity_timeline_idx: one index probe per listed account.
			lastActivityAt: sql<Date | null>`(select max(${activity.occurredAt}) from ${activity} where ${activity.workspaceId} = ${account.workspaceId} and ${activity.accountId} = ${account.id})`.mapWith(
				(v) => (v ? new Date(v) : null)
			)
		})
		.from(account)
		.leftJoin(user, eq(user.id, account.ownerId))
		.where(where)
		.orderBy(...ORDER[filter.sort ?? 'name'])
		.limit(pageSize)
		.offset((page - 1) * pageSize);
	return { rows, total, page, pageSize };
}

export async function getAccount(db: Database, workspaceId: string, accountId: string) {
	const [row] = await db
		.select({
			id: account.id,
			name: account.name,
			domain: account.domain,
			industry: account.industry,
			size: account.size,
			lifecycle: account.lifecycle,
			plan: account.plan,
			arr: account.arr,
			ownerId: account.ownerId,
			ownerName: user.name,
			externalId: account.externalId,
			createdAt: account.createdAt,
			updatedAt: account.updatedAt
		})
		.from(account)
		.leftJoin(user, eq(user.id, account.ownerId))
		.where(and(eq(account.workspaceId, workspaceId), eq(account.id, accountId)));
	return row ?? null;
}

export type AccountDetail = NonNullable<Awaited<ReturnType<typeof getAccount>>>;

/** Creates an account; its account.created webhook event is queued in the same transaction. */
export async function createAccount(db: Database, workspaceId: string, input: AccountInput): Promise<string> {
	await assertReferences(db, workspaceId, { ownerId: input.ownerId });
	return db.transaction(async (tx) => {
		const [row] = await tx.insert(account).values({ ...input, workspaceId }).returning();
		await enqueueWebhookEvent(tx, workspaceId, 'account.created', accountPayload(row));
		return row.id;
	});
}

/** Updates an account; its account.updated webhook event is queued in the same transaction. */
export async function updateAccount(db: Database, workspaceId: string, accountId: string, input: AccountInput): Promise<boolean> {
	await assertReferences(db, workspaceId, { ownerId: input.ownerId });
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(account)
			.set({ ...input, updatedAt: new Date() })
			.where(and(eq(account.workspaceId, workspaceId), eq(account.id, accountId)))
			.returning();
		if (!row) return false;
		await enqueueWebhookEvent(tx, workspaceId, 'account.updated', accountPayload(row));
		return true;
	});
}

/**
 * Accounts for a picker, by name. Capped for page weight; the currently chosen account is always
 * included so editing a record never silently drops its link.
 */
export async function listAccountOptions(db: Database, workspaceId: string, include?: string | null, limit = 1000) {
	const rows = await db
		.select({ id: account.id, name: account.name })
		.from(account)
		.where(eq(account.workspaceId, workspaceId))
		.orderBy(asc(account.name))
		.limit(limit);
	if (include && !rows.some((r) => r.id === include)) {
		const chosen = await getAccount(db, workspaceId, include);
		if (chosen) rows.unshift({ id: chosen.id, name: chosen.name });
	}
	return rows;
}
