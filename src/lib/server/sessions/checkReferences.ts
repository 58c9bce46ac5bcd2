import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Database } from '../db/index';
import { account, activity, membership } from '../db/schema';
import { getCurrentRevision, latestRevisionNumber } from '../playbook/revisions';
import { listSignals } from '../../domain/playbook/signalBlock';
import type { CommandReferences } from '../../domain/session';

/**
 * null when every record a command names belongs to the workspace; else what is wrong, in plain
 * words. The checks are sent together (one round trip on PostgreSQL, which pipelines them), and
 * the first failing one in this order answers.
 */
export async function checkReferences(db: Database, workspaceId: string, refs: CommandReferences): Promise<string | null> {
	const checks: Promise<string | null>[] = [];
	if (refs.userIds.length) {
		checks.push(
			db
				.select({ id: membership.userId })
				.from(membership)
				.where(and(eq(membership.workspaceId, workspaceId), inArray(membership.userId, refs.userIds), ne(membership.role, 'viewer')))
				.then((found) => (found.length !== new Set(refs.userIds).size ? 'That person is not a member of this workspace who can take part.' : null))
		);
	}
	if (refs.accountIds.length) {
		checks.push(
			db
				.select({ id: account.id })
				.from(account)
				.where(and(eq(account.workspaceId, workspaceId), inArray(account.id, refs.accountIds)))
				.then((found) => (found.length !== new Set(refs.accountIds).size ? 'That account is not in this workspace.' : null))
		);
	}
	for (const ref of refs.activities) {
		checks.push(
			db
				.select({ id: activity.id })
				.from(activity)
				.where(and(eq(activity.workspaceId, workspaceId), eq(activity.accountId, ref.accountId), eq(activity.id, ref.activityId)))
				.then(([found]) => (found ? null : 'That event is not on this account’s timeline.'))
		);
	}
	if (refs.signalIds.length) {
		checks.push(
			playbookSignalIds(db, workspaceId).then((known) => {
				const unknown = refs.signalIds.find((id) => !known.has(id));
				return unknown ? `The playbook has no signal '${unknown}'. Pick one from the list, or name a new one.` : null;
			})
		);
	}
	return (await Promise.all(checks)).find((refusal) => refusal !== null) ?? null;
}

/** Signal ids per (workspace, revision): revisions never change, so a tag need not re-read the playbook. */
const signalIdsByRevision = new Map<string, Set<string>>();

async function playbookSignalIds(db: Database, workspaceId: string): Promise<Set<string>> {
	const key = `${workspaceId}:${await latestRevisionNumber(db, workspaceId)}`;
	let ids = signalIdsByRevision.get(key);
	if (!ids) {
		ids = new Set(listSignals((await getCurrentRevision(db, workspaceId)).document).signals.map((s) => s.id));
		if (signalIdsByRevision.size > 1000) signalIdsByRevision.clear();
		signalIdsByRevision.set(key, ids);
	}
	return ids;
}
