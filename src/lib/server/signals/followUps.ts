/**
 * What a newly opened hit sets off: alerts for the account owner and the members of the
 * departments the signal notifies (when the signal alerts), and the follow-up task the playbook
 * asks for. Runs in detection's transaction, so a hit never exists without them.
 */
import { enqueueWebhookEvents } from '../webhooks/enqueue';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/index';
import { account, membership, signalAlert, signalHit, task } from '../db/schema';
import type { DetectionSignal } from './detectionSignals';
import type { OpenedHit } from './hitWrites';

export interface WorkspaceMember {
	userId: string;
	department: string;
}

export interface FollowUpContext {
	members: WorkspaceMember[];
	/** Open tasks per user, kept up to date as tasks are created (spreads department tasks). */
	openTasks: Map<string, number>;
}

export async function loadFollowUpContext(db: Database, workspaceId: string): Promise<FollowUpContext> {
	// Sent together: one round trip.
	const [members, counts] = await Promise.all([
		db
			.select({ userId: membership.userId, department: membership.department })
			.from(membership)
			.where(and(eq(membership.workspaceId, workspaceId), sql`${membership.role} <> 'viewer'`)),
		db
			.select({ ownerId: task.ownerId, n: sql<number>`count(*)::int` })
			.from(task)
			.where(and(eq(task.workspaceId, workspaceId), eq(task.status, 'open')))
			.groupBy(task.ownerId)
	]);
	const openTasks = new Map(counts.filter((c) => c.ownerId).map((c) => [c.ownerId!, Number(c.n)]));
	return { members, openTasks };
}

function addDays(now: Date, days: number): string {
	return new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/** The department member with the fewest open tasks (ties: the lowest user id, so it is repeatable). */
function pickMember(ctx: FollowUpContext, department: string): string | null {
	const candidates = ctx.members.filter((m) => m.department === department).map((m) => m.userId).sort();
	let best: string | null = null;
	for (const id of candidates) if (best === null || (ctx.openTasks.get(id) ?? 0) < (ctx.openTasks.get(best) ?? 0)) best = id;
	return best;
}

/** Creates the alerts and the task for hits just opened; returns how many of each. */
export async function createFollowUps(
	db: Database,
	workspaceId: string,
	signal: DetectionSignal,
	hits: OpenedHit[],
	ctx: FollowUpContext,
	now: Date
): Promise<{ alerts: number; tasks: number }> {
	if (hits.length === 0 || (!signal.alerts && !signal.task)) return { alerts: 0, tasks: 0 };
	const owners = await db
		.select({ id: account.id, ownerId: account.ownerId })
		.from(account)
		.where(and(eq(account.workspaceId, workspaceId), inArray(account.id, hits.map((h) => h.accountId))));
	const ownerOf = new Map(owners.map((o) => [o.id, o.ownerId]));
	const alerts: (typeof signalAlert.$inferInsert)[] = [];
	let tasks = 0;
	for (const hit of hits) {
		const owner = ownerOf.get(hit.accountId) ?? null;
		if (signal.alerts) {
			const recipients = new Map<string, string>();
			if (owner && ctx.members.some((m) => m.userId === owner)) recipients.set(owner, 'owner');
			for (const m of ctx.members) if (signal.notify.includes(m.department as never) && !recipients.has(m.userId)) recipients.set(m.userId, m.department);
			for (const [userId, reason] of recipients) {
				alerts.push({ workspaceId, hitId: hit.id, userId, reason, signalName: signal.name, template: signal.template });
			}
		}
		if (signal.task) {
			const assignee = signal.task.assignee === 'owner' ? owner : pickMember(ctx, signal.task.assignee);
			const title = signal.template
				? `${signal.name}: ${signal.action} (template: ${signal.template})`
				: `${signal.name}: ${signal.action}`;
			const [created] = await db
				.insert(task)
				.values({ workspaceId, title: title.slice(0, 300), ownerId: assignee, dueOn: addDays(now, signal.task.dueInDays), accountId: hit.accountId })
				.returning({ id: task.id });
			await db.update(signalHit).set({ taskId: created.id }).where(eq(signalHit.id, hit.id));
			if (assignee) ctx.openTasks.set(assignee, (ctx.openTasks.get(assignee) ?? 0) + 1);
			tasks++;
		}
	}
	for (let i = 0; i < alerts.length; i += 1000) {
		const created = await db
			.insert(signalAlert)
			.values(alerts.slice(i, i + 1000))
			.onConflictDoNothing()
			.returning({ id: signalAlert.id, hitId: signalAlert.hitId, userId: signalAlert.userId, reason: signalAlert.reason });
		const accountOf = new Map(hits.map((h) => [h.id, h.accountId]));
		await enqueueWebhookEvents(
			db,
			workspaceId,
			'alert.created',
			created.map((a) => ({
				alert: { id: a.id, signal: { key: signal.key, name: signal.name }, recipientUserId: a.userId, reason: a.reason, template: signal.template },
				account: { id: accountOf.get(a.hitId) }
			}))
		);
	}
	return { alerts: alerts.length, tasks };
}
