import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/index';
import { queryRows } from '../db/rows';
import { getCurrentRevision } from '../playbook/revisions';
import { listSignals } from '../../domain/playbook/signalBlock';
import type { CommandReferences } from '../../domain/session';

/**
 * What the store holds of the records a group of commands names: read once per group, inside the
 * statement that locks the session (`referenceColumns`), so a busy session does not pay a lookup
 * per command. A command whose references were not asked for (a spotting answer's events depend on
 * the state the commands before it in the group left) is looked up on its own.
 */
export interface ReferenceFacts {
	asked: { userIds: Set<string>; accountIds: Set<string>; activityIds: Set<number> };
	/** Members of the workspace who may take part (not viewers). */
	userIds: Set<string>;
	accountIds: Set<string>;
	/** Activity id -> the account whose timeline it is on. */
	activities: Map<number, string>;
	/** The workspace's latest playbook revision number (0 before the first). */
	revision: number;
}

/** Every record the commands name, together. */
export function mergeReferences(all: CommandReferences[]): CommandReferences {
	return {
		userIds: [...new Set(all.flatMap((r) => r.userIds))],
		accountIds: [...new Set(all.flatMap((r) => r.accountIds))],
		activities: all.flatMap((r) => r.activities),
		signalIds: [...new Set(all.flatMap((r) => r.signalIds))]
	};
}

/**
 * Select-list columns (`ref_users`, `ref_accounts`, `ref_activities`, `ref_revision`) looking the
 * references up in the workspace; `workspace` is the SQL for the workspace id in the query.
 */
export function referenceColumns(workspace: SQL, refs: CommandReferences): SQL {
	const users = `{${refs.userIds.join(',')}}`;
	const accounts = `{${refs.accountIds.join(',')}}`;
	const activities = `{${[...new Set(refs.activities.map((a) => a.activityId))].join(',')}}`;
	return sql`(select json_agg(m.user_id) from membership m
				where m.workspace_id = ${workspace} and m.user_id = any(${users}::uuid[]) and m.role <> 'viewer') as ref_users,
			(select json_agg(a.id) from account a
				where a.workspace_id = ${workspace} and a.id = any(${accounts}::uuid[])) as ref_accounts,
			(select json_agg(json_build_array(ac.id, ac.account_id)) from activity ac
				where ac.workspace_id = ${workspace} and ac.id = any(${activities}::bigint[])) as ref_activities,
			(select coalesce(max(r.number), 0) from playbook_revision r where r.workspace_id = ${workspace}) as ref_revision`;
}

type Json<T> = T | string | null;
export interface ReferenceRow {
	ref_users: Json<string[]>;
	ref_accounts: Json<string[]>;
	ref_activities: Json<[number | string, string][]>;
	ref_revision: number | string;
}
const parse = <T>(value: Json<T>): T | null => (typeof value === 'string' ? JSON.parse(value) : value);

/** The facts from a row carrying `referenceColumns` (PGlite returns json as text, postgres.js parsed). */
export function readReferenceFacts(refs: CommandReferences, row: ReferenceRow): ReferenceFacts {
	return {
		asked: { userIds: new Set(refs.userIds), accountIds: new Set(refs.accountIds), activityIds: new Set(refs.activities.map((a) => a.activityId)) },
		userIds: new Set(parse(row.ref_users) ?? []),
		accountIds: new Set(parse(row.ref_accounts) ?? []),
		activities: new Map((parse(row.ref_activities) ?? []).map(([id, accountId]) => [Number(id), accountId])),
		revision: Number(row.ref_revision)
	};
}

/**
 * null when every record a command names belongs to the workspace; else what is wrong, in plain
 * words (the first failing check in this order answers). Decided from `facts`, with a lookup only
 * for references the facts were not read for.
 */
export async function checkReferences(db: Database, workspaceId: string, refs: CommandReferences, facts: ReferenceFacts): Promise<string | null> {
	const covered =
		refs.userIds.every((id) => facts.asked.userIds.has(id)) &&
		refs.accountIds.every((id) => facts.asked.accountIds.has(id)) &&
		refs.activities.every((a) => facts.asked.activityIds.has(a.activityId));
	if (!covered) {
		const [row] = await queryRows<ReferenceRow>(db, sql`select ${referenceColumns(sql`${workspaceId}::uuid`, refs)}`);
		facts = readReferenceFacts(refs, row);
	}
	if (!refs.userIds.every((id) => facts.userIds.has(id))) return 'That person is not a member of this workspace who can take part.';
	if (!refs.accountIds.every((id) => facts.accountIds.has(id))) return 'That account is not in this workspace.';
	if (!refs.activities.every((a) => facts.activities.get(a.activityId) === a.accountId)) return 'That event is not on this account’s timeline.';
	if (refs.signalIds.length) {
		const known = await playbookSignalIds(db, workspaceId, facts.revision);
		const unknown = refs.signalIds.find((id) => !known.has(id));
		if (unknown) return `The playbook has no signal '${unknown}'. Pick one from the list, or name a new one.`;
	}
	return null;
}

/** Signal ids per (workspace, revision): revisions never change, so a tag need not re-read the playbook. */
const signalIdsByRevision = new Map<string, Set<string>>();

async function playbookSignalIds(db: Database, workspaceId: string, revision: number): Promise<Set<string>> {
	const key = `${workspaceId}:${revision}`;
	let ids = signalIdsByRevision.get(key);
	if (!ids) {
		ids = new Set(listSignals((await getCurrentRevision(db, workspaceId)).document).signals.map((s) => s.id));
		if (signalIdsByRevision.size > 1000) signalIdsByRevision.clear();
		signalIdsByRevision.set(key, ids);
	}
	return ids;
}
