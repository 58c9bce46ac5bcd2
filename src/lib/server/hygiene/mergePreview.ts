import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/index';
import { account, contact, user } from '../db/schema';
import { queryRows } from '../db/rows';
import type { MergeKind } from '../../domain/hygiene/mergeFields';

export interface MergeSideView {
	id: string;
	name: string;
	/** Field key -> value as stored (the form posts choices, not values). */
	values: Record<string, unknown>;
	/** Field key -> how to show it (an account's name instead of its id, money as money...). */
	shown: Record<string, string>;
	/** What would move to the survivor if this record is merged away. */
	related: Record<string, number>;
}

const text = (v: unknown) => (v === null || v === undefined || v === '' ? '' : String(v));

/** Both records of a proposed merge, side by side, or null if either is not in the workspace. */
export async function loadMergePreview(db: Database, workspaceId: string, kind: MergeKind, ids: [string, string]): Promise<[MergeSideView, MergeSideView] | null> {
	const views = kind === 'contact' ? await contactViews(db, workspaceId, ids) : await accountViews(db, workspaceId, ids);
	const [a, b] = ids.map((id) => views.find((v) => v.id === id));
	return a && b && a.id !== b.id ? [a, b] : null;
}

async function contactViews(db: Database, workspaceId: string, ids: string[]): Promise<MergeSideView[]> {
	const rows = await db
		.select({ c: contact, accountName: account.name })
		.from(contact)
		.leftJoin(account, and(eq(account.id, contact.accountId), eq(account.workspaceId, workspaceId)))
		.where(and(eq(contact.workspaceId, workspaceId), inArray(contact.id, ids)));
	const related = await queryRows<{ id: string; activities: number; notes: number; tasks: number; tags: number }>(
		db,
		sql`select c.id,
			(select count(*)::int from activity x where x.contact_id = c.id) as activities,
			(select count(*)::int from note x where x.contact_id = c.id) as notes,
			(select count(*)::int from task x where x.contact_id = c.id) as tasks,
			(select count(*)::int from tagging x where x.contact_id = c.id) as tags
		from contact c where c.workspace_id = ${workspaceId} and c.id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`
	);
	return rows.map(({ c, accountName }) => {
		const { id, activities, notes, tasks, tags } = related.find((r) => r.id === c.id) ?? { id: c.id, activities: 0, notes: 0, tasks: 0, tags: 0 };
		void id;
		return {
			id: c.id,
			name: `${c.firstName} ${c.lastName}`.trim(),
			values: { ...c },
			shown: {
				firstName: text(c.firstName),
				lastName: text(c.lastName),
				email: text(c.email),
				title: text(c.title),
				accountId: text(accountName),
				lifecycle: text(c.lifecycle),
				externalId: text(c.externalId)
			},
			related: { activities, notes, tasks, tags }
		};
	});
}

async function accountViews(db: Database, workspaceId: string, ids: string[]): Promise<MergeSideView[]> {
	const rows = await db
		.select({ a: account, ownerName: user.name })
		.from(account)
		.leftJoin(user, eq(user.id, account.ownerId))
		.where(and(eq(account.workspaceId, workspaceId), inArray(account.id, ids)));
	const related = await queryRows<{ id: string; contacts: number; deals: number; activities: number; notes: number; tasks: number }>(
		db,
		sql`select a.id,
			(select count(*)::int from contact x where x.workspace_id = a.workspace_id and x.account_id = a.id) as contacts,
			(select count(*)::int from deal x where x.workspace_id = a.workspace_id and x.account_id = a.id) as deals,
			(select count(*)::int from activity x where x.workspace_id = a.workspace_id and x.account_id = a.id) as activities,
			(select count(*)::int from note x where x.workspace_id = a.workspace_id and x.account_id = a.id) as notes,
			(select count(*)::int from task x where x.workspace_id = a.workspace_id and x.account_id = a.id) as tasks
		from account a where a.workspace_id = ${workspaceId} and a.id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`
	);
	return rows.map(({ a, ownerName }) => {
		const r = related.find((x) => x.id === a.id);
		return {
			id: a.id,
			name: a.name,
			values: { ...a },
			shown: {
				name: text(a.name),
				domain: text(a.domain),
				industry: text(a.industry),
				size: text(a.size),
				ownerId: text(ownerName),
				lifecycle: text(a.lifecycle),
				plan: text(a.plan),
				arr: `$${a.arr.toLocaleString('en-US')}`,
				externalId: text(a.externalId)
			},
			related: { contacts: r?.contacts ?? 0, deals: r?.deals ?? 0, activities: r?.activities ?? 0, notes: r?.notes ?? 0, tasks: r?.tasks ?? 0 }
		};
	});
}
