/**
 * Practice impact, per month: sessions held, wins recorded, playbook revisions, the team's action
 * items done on time, how well raters agreed in lead calibrations (Krippendorff's alpha), and how long before a churn the playbook's churn-risk signals first fired
 * (the warning the team had); plus attendance by department over the whole range.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index';
import { queryRows } from '../db/rows';
import { addMonths } from '$lib/domain/metrics/kpis';
import type { PracticeMonth } from '$lib/domain/metrics/practice';

export type { PracticeMonth };
import { loadDetectionPlan } from '../signals/detectionSignals';


const monthStart = (month: string) => `${month}-01T00:00:00Z`;

export async function loadPracticeImpact(
	db: Database,
	workspaceId: string,
	months: string[],
	now = new Date()
): Promise<{ months: PracticeMonth[]; attendance: { department: string; attendances: number }[] }> {
	if (months.length === 0) return { months: [], attendance: [] };
	const ws = sql`${workspaceId}::uuid`;
	const plan = await loadDetectionPlan(db, workspaceId);
	const churnKeys = JSON.stringify(plan.signals.filter((s) => s.family === 'churn-risk').map((s) => s.key));
	const json = JSON.stringify(months.map((m) => ({ month: m, from_at: monthStart(m), to_at: monthStart(addMonths(m, 1)) })));
	const today = now.toISOString().slice(0, 10);
	const rows = await queryRows<Omit<PracticeMonth, 'medianWarningDays' | 'calibrationAlpha'> & { medianWarningDays: number | string | null; calibrationAlpha: number | string | null }>(
		db,
		sql`with months as (
			select * from json_to_recordset(${json}::json) as m(month text, from_at timestamptz, to_at timestamptz)
		), held as materialized (
			select s.ended_at, s.state from practice_session s where s.workspace_id = ${ws} and s.status = 'ended' and s.ended_at is not null
		), wins as materialized (
			select (w.value ->> 'recordedAt')::timestamptz as at from practice_session s cross join jsonb_array_elements(s.state -> 'wins') as w(value)
			where s.workspace_id = ${ws} and s.status in ('live', 'ended')
		), items as materialized (
			select t.due_on, t.status, t.completed_at from task t where t.workspace_id = ${ws} and t.session_id is not null and t.due_on is not null
		), churns as materialized (
			select c.account_id, min(c.occurred_at) as at from activity c where c.workspace_id = ${ws} and c.type = 'churned' group by c.account_id
		), warned as materialized (
			select c.at, (select min(h.first_fired_at) from signal_hit h where h.workspace_id = ${ws} and h.account_id = c.account_id
				and h.signal_key in (select jsonb_array_elements_text(${churnKeys}::jsonb)) and h.first_fired_at < c.at) as first_at
			from churns c
		)
		select m.month,
			(select count(*) from held h where h.ended_at >= m.from_at and h.ended_at < m.to_at)::int as "sessionsHeld",
			(select count(*) from wins w where w.at >= m.from_at and w.at < m.to_at)::int as "winsRecorded",
			(select count(*) from playbook_revision r where r.workspace_id = ${ws} and r.created_at >= m.from_at and r.created_at < m.to_at)::int as "revisions",
			(select count(*) from items i where i.due_on >= m.from_at::date and i.due_on < m.to_at::date and (i.status = 'done' or i.due_on < ${today}::date))::int as "actionItemsDue",
			(select count(*) from items i where i.due_on >= m.from_at::date and i.due_on < m.to_at::date and i.status = 'done'
				and i.completed_at < (i.due_on + 1)::timestamp at time zone 'UTC')::int as "actionItemsOnTime",
			(select count(*) from warned w where w.at >= m.from_at and w.at < m.to_at)::int as "churns",
			(select count(*) from warned w where w.at >= m.from_at and w.at < m.to_at and w.first_at is not null)::int as "churnsWarned",
			(select percentile_cont(0.5) within group (order by extract(epoch from (w.at - w.first_at)) / 86400)
				from warned w where w.at >= m.from_at and w.at < m.to_at and w.first_at is not null) as "medianWarningDays",
			(select avg((c.value -> 'agreement' ->> 'alpha')::float8) from held h cross join jsonb_array_elements(coalesce(h.state -> 'calibrations', '[]'::jsonb)) as c(value)
				where h.ended_at >= m.from_at and h.ended_at < m.to_at and c.value -> 'agreement' ->> 'alpha' is not null) as "calibrationAlpha"
		from months m order by m.month`
	);
	const from = monthStart(months[0]);
	const to = monthStart(addMonths(months.at(-1)!, 1));
	const attendance = await queryRows<{ department: string; attendances: number }>(
		db,
		sql`select mb.department::text as department, count(*)::int as attendances
			from practice_session s cross join jsonb_array_elements_text(s.state -> 'attendeeIds') as a(user_id)
			join membership mb on mb.workspace_id = s.workspace_id and mb.user_id = a.user_id::uuid
			where s.workspace_id = ${ws} and s.status = 'ended' and s.ended_at >= ${from}::timestamptz and s.ended_at < ${to}::timestamptz
			group by mb.department order by attendances desc, department`
	);
	return {
		months: rows.map((r) => ({
			...r,
			medianWarningDays: r.medianWarningDays === null ? null : Number(r.medianWarningDays),
			calibrationAlpha: r.calibrationAlpha === null ? null : Number(r.calibrationAlpha)
		})),
		attendance
	};
}
