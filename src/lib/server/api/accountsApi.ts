import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/index';
import { account, user } from '../db/schema';
import { listTimeline } from '../timeline';
import { ApiError, notFound } from './apiError';
import { decodeCursor, encodeCursor } from '../../domain/crm/timelineCursor';
import { normalizeDomain } from '../../domain/crm/slug';
import { isUuid } from '../../domain/forms/isUuid';
import type { ApiAccount } from '../../domain/api/accountSchemas';

const columns = {
	id: account.id,
	externalId: account.externalId,
	name: account.name,
	domain: account.domain,
	industry: account.industry,
	size: account.size,
	lifecycle: account.lifecycle,
	plan: account.plan,
	arr: account.arr,
	ownerEmail: user.email,
	createdAt: account.createdAt,
	updatedAt: account.updatedAt
};

type Row = { [K in keyof typeof columns]: unknown } & { name: string; id: string; createdAt: Date; updatedAt: Date };

function toApi(row: Row): ApiAccount {
	return { ...(row as unknown as ApiAccount), createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

/** Keyset position in the name-ordered list: the last account's name and id, as base64url JSON. */
function encodeListCursor(name: string, id: string): string {
	return Buffer.from(JSON.stringify([name, id])).toString('base64url');
}

function decodeListCursor(value: string): [string, string] {
	try {
		const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
		if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && !parsed[0].includes('\0') && isUuid(parsed[1])) return [parsed[0], parsed[1]];
	} catch {
		/* fall through to the 422 below */
	}
	throw new ApiError(422, 'validation_failed', 'cursor: this is not a cursor this API gave out. Pass the `next` value of the previous page as it was.', 'cursor');
}

/** Accounts by name (then id), keyset paged, optionally by external id or domain. */
export async function listApiAccounts(db: Database, workspaceId: string, query: { limit: number; cursor?: string; externalId?: string; domain?: string }) {
	const after = query.cursor ? decodeListCursor(query.cursor) : null;
	const rows = await db
		.select(columns)
		.from(account)
		.leftJoin(user, eq(user.id, account.ownerId))
		.where(
			and(
				eq(account.workspaceId, workspaceId),
				query.externalId !== undefined ? eq(account.externalId, query.externalId) : undefined,
				query.domain !== undefined ? eq(account.domain, normalizeDomain(query.domain)) : undefined,
				after ? sql`(${account.name}, ${account.id}) > (${after[0]}, ${after[1]}::uuid)` : undefined
			)
		)
		.orderBy(asc(account.name), asc(account.id))
		.limit(query.limit + 1);
	const page = rows.slice(0, query.limit) as Row[];
	const last = page.at(-1);
	return { data: page.map(toApi), next: rows.length > query.limit && last ? encodeListCursor(last.name, last.id) : null };
}

export async function getApiAccount(db: Database, workspaceId: string, accountId: string): Promise<ApiAccount> {
	const missing = notFound(`There is no account ${accountId} in this workspace.`);
	if (!isUuid(accountId)) throw missing;
	const [row] = await db
		.select(columns)
		.from(account)
		.leftJoin(user, eq(user.id, account.ownerId))
		.where(and(eq(account.workspaceId, workspaceId), eq(account.id, accountId)));
	if (!row) throw missing;
	return toApi(row as Row);
}

/** One page of an account's timeline through the app's own keyset query (listTimeline). */
export async function getApiTimeline(db: Database, workspaceId: string, accountId: string, query: { limit: number; cursor?: string }) {
	const after = query.cursor === undefined ? null : decodeCursor(query.cursor);
	if (query.cursor !== undefined && (!after || Number.isNaN(after.occurredAt.getTime())))
		throw new ApiError(422, 'validation_failed', 'cursor: this is not a timeline cursor this API gave out. Pass the `next` value of the previous page as it was.', 'cursor');
	const page = await listTimeline(db, workspaceId, accountId, { after, limit: query.limit });
	return {
		items: page.items.map((item) => ({ ...item, occurredAt: new Date(item.occurredAt).toISOString() })),
		next: page.next ? encodeCursor(page.next) : null
	};
}
