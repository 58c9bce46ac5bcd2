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
	/** Owner of each account that opened a hit. */
	owners: Map<string, string | null>;
	/** The webhook event types some enabled endpoint of the workspace listens to. */
	webhookEvents: Set<string>;
}

/**
 * Who can be alerted or given tasks, the owners of `accountIds`, and which webhook events anyone
 * listens to (so no event statement is sent when nobody does): one round trip.
 */
export async function loadFollowUpContext(db: SqlRunner, workspaceId: string, accountIds: string[]): Promise<FollowUpContext> {
	// One statement (detection sends its reads together, and each statement costs a round of parsing).
	const [row] = await queryRows<{ members: [string, string][] | null; owners: [string, string | null][] | null; webhook_events: string[] | null }>(
		db,
		sql`select
			(select json_agg(json_build_array(user_id, department::text)) from membership
			 where workspace_id = ${workspaceId}::uuid and role <> 'viewer') as members,
			(select json_agg(json_build_array(id, owner_id)) from account
			 where workspace_id = ${workspaceId}::uuid and id = any(${`{${[...new Set(accountIds)].join(',')}}`}::uuid[])) as owners,
			(select json_agg(distinct e) from webhook_endpoint w cross join unnest(w.events) as e
			 where w.workspace_id = ${workspaceId}::uuid and w.disabled_at is null) as webhook_events`
	);
	return {
		members: (row.members ?? []).map(([userId, department]) => ({ userId, department })),
		owners: new Map(row.owners ?? []),
		webhookEvents: new Set(row.webhook_events ?? [])
	};
}

function addDays(now: Date, days: number): string {
	return new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
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
	const listened = ctx.webhookEvents.has('alert.created');
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
					if (!listened) continue;
					events.push({
						alert: { id, signal: { key: signal.key, name: signal.name }, recipientUserId: userId, reason, template: signal.template },
						account: { id: hit.accountId }
					});
				}
			}
			if (signal.task) {
				// A department's task goes to its member with the fewest open tasks, chosen by the insert.
				const toOwner = signal.task.assignee === 'owner';
				const title = signal.template ? `${signal.name}: ${signal.action} (template: ${signal.template})` : `${signal.name}: ${signal.action}`;
				const id = randomUUID();
				tasks.push({
					id,
					title: title.slice(0, 300),
					owner_id: toOwner ? owner : null,
					department: toOwner ? null : signal.task.assignee,
					due_on: addDays(now, signal.task.dueInDays),
					account_id: hit.accountId
				});
				taskOf.set(hit.id, id);
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
		tasks: tasks.length === 0 ? null : insertTasks(workspaceId, tasks),
		alerts: statements,
		taskOf,
		alertCount: alerts.length,
		taskCount: tasks.length
	};
}

/**
 * Inserts planned tasks; one with a department instead of an owner goes to the department's
 * member (not a viewer) with the fewest open tasks, ties to the lowest user id, counting the
 * tasks this statement gives out in the order planned: the j-th task of a department takes the
 * j-th smallest (open tasks + g, user id) over its members and g = 0, 1, 2... (what picking the
 * least busy member one task at a time gives). No member: no owner. The counting happens here,
 * in the statement that needs it, so detection waits for no separate read.
 */
function insertTasks(workspaceId: string, tasks: Record<string, unknown>[]): SQL {
	return sql`insert into task (id, workspace_id, title, owner_id, due_on, account_id)
		with planned as (
			select r.*, row_number() over (partition by r.department order by r.n) as j
			from json_to_recordset(${JSON.stringify(tasks.map((t, n) => ({ ...t, n })))}::json)
				as r(id uuid, title text, owner_id uuid, department text, due_on date, account_id uuid, n int)
		), wanted as (
			select department, count(*)::int as k from planned where department is not null group by department
		), members as (
			select m.user_id, m.department::text as department, w.k,
				(select count(*) from task t where t.workspace_id = ${workspaceId}::uuid and t.owner_id = m.user_id and t.status = 'open') as busy
			from membership m join wanted w on w.department = m.department::text
			where m.workspace_id = ${workspaceId}::uuid and m.role <> 'viewer'
		), turns as (
			select department, user_id, row_number() over (partition by department order by busy + g, user_id) as j
			from members cross join lateral generate_series(0, k - 1) as g
		)
		select p.id, ${workspaceId}::uuid, p.title, coalesce(p.owner_id, t.user_id), p.due_on, p.account_id
		from planned p left join turns t on t.department = p.department and t.j = p.j`;
}
