/**
 * What a newly opened hit sets off: alerts for the account owner and the members of the
 * departments the signal notifies (when the signal alerts), and the follow-up task the playbook
 * asks for. Written in detection's transaction, so a hit never exists without them.
 */
import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { SqlRunner } from '../db/pipeline';
import { queryRows } from '../db/rows';
import { webhookEventsStatement } from '../webhooks/enqueue';
import type { DetectionSignal } from './detectionSignals';
import type { OpenedHit } from './hitWrites';

export interface WorkspaceMember {
	userId: string;
	department: string;
}

export interface FollowUpContext {
	members: WorkspaceMember[];
	/** Open tasks per user (see loadOpenTaskCounts), kept up to date as tasks are planned (spreads department tasks). */
	openTasks: Map<string, number>;
	/** Owner of each account that opened a hit. */
	owners: Map<string, string | null>;
}

/** Who can be alerted or given tasks, and the owners of `accountIds`: one round trip. */
export async function loadFollowUpContext(db: SqlRunner, workspaceId: string, accountIds: string[]): Promise<FollowUpContext> {
	// One statement (detection sends its reads together, and each statement costs a round of parsing).
	const [row] = await queryRows<{ members: [string, string][] | null; owners: [string, string | null][] | null }>(
		db,
		sql`select
			(select json_agg(json_build_array(user_id, department::text)) from membership
			 where workspace_id = ${workspaceId}::uuid and role <> 'viewer') as members,
			(select json_agg(json_build_array(id, owner_id)) from account
			 where workspace_id = ${workspaceId}::uuid and id = any(${`{${[...new Set(accountIds)].join(',')}}`}::uuid[])) as owners`
	);
	return {
		members: (row.members ?? []).map(([userId, department]) => ({ userId, department })),
		openTasks: new Map(),
		owners: new Map(row.owners ?? [])
	};
}

/** The departments some of `opened` gives a task to (their member with the fewest open tasks takes it). */
export function taskDepartments(signals: DetectionSignal[], opened: OpenedHit[]): string[] {
	const openedKeys = new Set(opened.map((h) => h.signalKey));
	const departments = signals.flatMap((s) => (s.task && s.task.assignee !== 'owner' && openedKeys.has(s.key) ? [s.task.assignee] : []));
	return [...new Set(departments)];
}

/**
 * Fills in the open tasks of the members of `departments`, the only ones pickMember compares (an
 * index range per member, rather than counting every open task of the workspace).
 */
export async function loadOpenTaskCounts(db: SqlRunner, workspaceId: string, ctx: FollowUpContext, departments: string[]): Promise<void> {
	const candidates = [...new Set(ctx.members.filter((m) => departments.includes(m.department)).map((m) => m.userId))];
	if (candidates.length === 0) return;
	const counts = await queryRows<{ owner_id: string; n: number }>(
		db,
		sql`select owner_id, count(*)::int as n from task
			where workspace_id = ${workspaceId}::uuid and owner_id = any(${`{${candidates.join(',')}}`}::uuid[]) and status = 'open'
			group by owner_id`
	);
	for (const c of counts) ctx.openTasks.set(c.owner_id, Number(c.n));
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

export interface FollowUps {
	/** Tasks first: the opened hits point at them (taskOf, by hit id). */
	tasks: SQL | null;
	/** Alerts and their webhook events, after the hits they point at. */
	alerts: SQL[];
	taskOf: Map<string, string>;
	alertCount: number;
	taskCount: number;
}

/** Plans the alerts and tasks of hits just opened (of every signal), as statements to run. */
export function planFollowUps(workspaceId: string, signals: DetectionSignal[], opened: OpenedHit[], ctx: FollowUpContext, now: Date): FollowUps {
	const tasks: Record<string, unknown>[] = [];
	const alerts: Record<string, unknown>[] = [];
	const events: Record<string, unknown>[] = [];
	const taskOf = new Map<string, string>();
	for (const signal of signals) {
		if (!signal.alerts && !signal.task) continue;
		for (const hit of opened) {
			if (hit.signalKey !== signal.key) continue;
			const owner = ctx.owners.get(hit.accountId) ?? null;
			if (signal.alerts) {
				const recipients = new Map<string, string>();
				if (owner && ctx.members.some((m) => m.userId === owner)) recipients.set(owner, 'owner');
				for (const m of ctx.members) if (signal.notify.includes(m.department as never) && !recipients.has(m.userId)) recipients.set(m.userId, m.department);
				for (const [userId, reason] of recipients) {
					const id = randomUUID();
					alerts.push({ id, hit_id: hit.id, user_id: userId, reason, signal_name: signal.name, template: signal.template });
					events.push({
						alert: { id, signal: { key: signal.key, name: signal.name }, recipientUserId: userId, reason, template: signal.template },
						account: { id: hit.accountId }
					});
				}
			}
			if (signal.task) {
				const assignee = signal.task.assignee === 'owner' ? owner : pickMember(ctx, signal.task.assignee);
				const title = signal.template ? `${signal.name}: ${signal.action} (template: ${signal.template})` : `${signal.name}: ${signal.action}`;
				const id = randomUUID();
				tasks.push({ id, title: title.slice(0, 300), owner_id: assignee, due_on: addDays(now, signal.task.dueInDays), account_id: hit.accountId });
				taskOf.set(hit.id, id);
				if (assignee) ctx.openTasks.set(assignee, (ctx.openTasks.get(assignee) ?? 0) + 1);
			}
		}
	}
	const statements: SQL[] = [];
	if (alerts.length > 0) {
		statements.push(sql`insert into signal_alert (id, workspace_id, hit_id, user_id, reason, signal_name, template)
			select r.id, ${workspaceId}::uuid, r.hit_id, r.user_id, r.reason, r.signal_name, r.template
			from json_to_recordset(${JSON.stringify(alerts)}::json) as r(id uuid, hit_id uuid, user_id uuid, reason text, signal_name text, template text)`);
	}
	const webhook = webhookEventsStatement(workspaceId, 'alert.created', events);
	if (webhook) statements.push(webhook);
	return {
		tasks:
			tasks.length === 0
				? null
				: sql`insert into task (id, workspace_id, title, owner_id, due_on, account_id)
					select r.id, ${workspaceId}::uuid, r.title, r.owner_id, r.due_on, r.account_id
					from json_to_recordset(${JSON.stringify(tasks)}::json) as r(id uuid, title text, owner_id uuid, due_on date, account_id uuid)`,
		alerts: statements,
		taskOf,
		alertCount: alerts.length,
		taskCount: tasks.length
	};
}
