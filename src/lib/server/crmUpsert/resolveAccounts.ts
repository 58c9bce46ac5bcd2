import { sql } from 'drizzle-orm';
import type { Database } from '../db/index';
import { queryRows } from '../db/rows';
import type { AccountRef } from '../../domain/import/records';
import { jsonRows } from './outcome';

const refKey = (r: AccountRef) => `${r.externalId ?? ''}\u0000${r.domain ?? ''}\u0000${r.name ?? ''}`;

/**
 * Finds the accounts rows point at, by external id, else normalized domain, else exact name (the
 * oldest account when several share a domain or name). One query for the batch's distinct refs.
 * Returns each ref's account id, or null when the workspace has no such account.
 */
export async function resolveAccountRefs(db: Database, workspaceId: string, refs: readonly (AccountRef | null)[]): Promise<(string | null)[]> {
	const distinct = new Map<string, { i: number; x: string | null; d: string | null; n: string | null }>();
	for (const ref of refs) {
		if (!ref) continue;
		const key = refKey(ref);
		if (!distinct.has(key)) distinct.set(key, { i: distinct.size, x: ref.externalId, d: ref.domain, n: ref.name });
	}
	if (distinct.size === 0) return refs.map(() => null);
	const found = await queryRows<{ i: number; id: string | null }>(
		db,
		sql`select v.i, coalesce(
			(select a.id from account a where a.workspace_id = ${workspaceId}::uuid and a.external_id = v.x),
			(select a.id from account a where a.workspace_id = ${workspaceId}::uuid and a.domain = v.d order by a.created_at, a.id limit 1),
			(select a.id from account a where a.workspace_id = ${workspaceId}::uuid and a.name = v.n order by a.created_at, a.id limit 1)
		) as id
		from ${jsonRows([...distinct.values()], 'i int, x text, d text, n text')}`
	);
	const byIndex = new Map(found.map((r) => [Number(r.i), r.id]));
	return refs.map((ref) => (ref ? (byIndex.get(distinct.get(refKey(ref))!.i) ?? null) : null));
}

/** "no account with external id 001A, domain acme.com or name Acme in this workspace" */
export function missingAccountMessage(ref: AccountRef): string {
	const parts = [
		ref.externalId && `external id ${ref.externalId}`,
		ref.domain && `domain ${ref.domain}`,
		ref.name && `name "${ref.name}"`
	].filter(Boolean);
	return `no account with ${parts.join(', or ')} in this workspace; import or create the account first`;
}

/** The field to blame for a missing account: the first part of the ref that was given. */
export function accountRefField(ref: AccountRef): string {
	return ref.externalId ? 'accountExternalId' : ref.domain ? 'accountDomain' : 'accountName';
}
