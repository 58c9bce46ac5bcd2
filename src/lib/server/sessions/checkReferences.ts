import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Database } from '../db/index';
import { account, activity, membership } from '../db/schema';
import { getCurrentRevision, latestRevisionNumber } from '../playbook/revisions';
import { listSignals } from '../../domain/playbook/signalBlock';
import type { CommandReferences } from '../../domain/session';

/** null when every record a command names belongs to the workspace; else what is wrong, in plain words. */
export async function checkReferences(db: Database, workspaceId: string, refs: CommandReferences): Promise<string | null> {
	if (refs.userIds.length) {
		const found = await db
			.select({ id: membership.userId })
			.from(membership)
			.where(and(eq(membership.workspaceId, workspaceId), inArray(membership.userId, refs.userIds), ne(membership.role, 'viewer')));
		if (found.length !== new Set(refs.userIds).size) return 'That person is not a member of this workspace who can take part.';
	}
	if (refs.accountIds.length) {
		const found = await db
			.select({ id: account.id })
			.from(account)
			.where(and(eq(account.workspaceId, workspaceId), inArray(account.id, refs.accountIds)));
		if (found.length !== new Set(refs.accountIds).size) return 'That account is not in this workspace.';
	}
	for (const ref of refs.activities) {
		const [found] = await db
			.select({ id: activity.id })
			.from(activity)
			.where(and(eq(activity.workspaceId, workspaceId), eq(activity.accountId, ref.accountId), eq(activity.id, ref.activityId)));
		if (!found) return 'That event is not on this account’s timeline.';
	}
	if (refs.signalIds.length) {
		const known = await playbookSignalIds(db, workspaceId);
		const unknown = refs.signalIds.find((id) => !known.has(id));
		if (unknown) return `The playbook has no signal '${unknown}'. Pick one from the list, or name a new one.`;
	}
	return null;
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
