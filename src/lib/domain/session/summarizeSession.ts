/**
 * The session summary as Markdown, for the summary page's export. Every piece of user text goes
 * through escapeMarkdown, so a title or note cannot break the document's structure.
 */
import { DEPARTMENT_LABELS, DEPARTMENTS, type Department } from '../crm/vocabulary';
import { analyzeTags, type FiredSignal } from './analyzeTags';
import { escapeMarkdown as md, renderTable } from './markdown';
import { listAbsentees, type SessionState, type SessionTag } from './state';
import { renderSpottingRounds } from './summarizeSpotting';
import { renderCalibrations } from './summarizeCalibration';
import { allowedMs, usedMs } from './timer';
import { EXERCISE_LABELS, WIN_KIND_LABELS } from './vocabulary';

export interface SummaryContext {
	title: string;
	objective: string;
	participants: { id: string; name: string; department: Department }[];
	accounts: { id: string; name: string }[];
	/** Playbook signal id -> name. */
	signalNames: Record<string, string>;
	/** Playbook signals that fired on the reviewed accounts; without them no signal counts as missed. */
	firedSignals?: FiredSignal[];
	/** Server time, for timers still running (a summary of a live session). */
	now?: Date;
	/** Activity id -> what happened and when ("Nov 22, 2026 · Web visit: /pricing"); ids are shown otherwise. */
	eventLabels?: Record<number, string>;
}

export function renderSessionSummary(state: SessionState, context: SummaryContext): string {
	const people = new Map(context.participants.map((p) => [p.id, p.name]));
	const departments = new Map(context.participants.map((p) => [p.id, p.department]));
	const department = (id: string) => {
		const d = departments.get(id);
		return d ? DEPARTMENT_LABELS[d] : 'no department';
	};
	const accounts = new Map(context.accounts.map((a) => [a.id, a.name]));
	const name = (id: string) => md(people.get(id) ?? 'A former member');
	const event = (id: number) => (context.eventLabels?.[id] ? md(context.eventLabels[id]) : `event ${id}`);
	const account = (id: string | null) => (id === null ? 'no account' : md(accounts.get(id) ?? 'An account no longer in the CRM'));
	const signal = (tag: Pick<SessionTag, 'signal'>) =>
		tag.signal.kind === 'playbook'
			? md(context.signalNames[tag.signal.signalId] ?? tag.signal.signalId)
			: `new signal “${md(tag.signal.name)}”`;
	const tags = state.tags;
	const analysis = analyzeTags(tags, context.firedSignals ?? []);
	const nowMs = (context.now ?? new Date(state.endedAt ?? state.lastEventAt ?? 0)).getTime();
	const tagById = new Map(tags.map((t) => [t.id, t]));

	const sections: string[] = [`# ${md(context.title)}`, `**Objective:** ${md(context.objective)}`, describeRun(state, name)];

	const absent = listAbsentees(state);
	sections.push(
		section('Participants', state.attendeeIds.map((id) => `- ${name(id)} (${department(id)})`)) +
			(absent.length ? `

Invited but did not join: ${absent.map(name).join(', ')}.` : '')
	);

	const agendaRows = state.plan.agenda.map((item, i) => {
		const timer = state.timers[item.id];
		const used = timer ? minutes(usedMs(timer, nowMs)) : 0;
		const allowed = timer ? minutes(allowedMs(timer)) : item.plannedMinutes;
		const planned = allowed > item.plannedMinutes ? `${item.plannedMinutes} (+${allowed - item.plannedMinutes})` : `${item.plannedMinutes}`;
		const over = used > allowed ? ` (${used - allowed} over)` : '';
		return [`${i + 1}`, md(item.title), item.exercise ? EXERCISE_LABELS[item.exercise] : '', planned, `${used}${over}`];
	});
	sections.push(`## Agenda\n\n${renderTable(['#', 'Item', 'Exercise', 'Planned min', 'Used min'], agendaRows)}`);

	sections.push(section('Accounts reviewed', state.reviewedAccountIds.map((id) => `- ${account(id)}`)));

	const tagDepartments = DEPARTMENTS.filter((d) => analysis.byDepartment[d] > 0);
	sections.push(
		tagDepartments.length
			? `## Tags by department\n\n${renderTable(
					['Department', 'Tags'],
					[...tagDepartments.map((d) => [DEPARTMENT_LABELS[d], `${analysis.byDepartment[d]}`]), ['All', `${tags.length}`]]
				)}`
			: section('Tags by department', [])
	);

	sections.push(
		section(
			'Disagreements',
			analysis.disagreements.map((d) => {
				const readings = d.departments.map((dept) => {
					const own = d.tagIds.map((id) => tagById.get(id)!).filter((t) => t.department === dept);
					const read = own.map((t) => `${t.polarity} (${signal(t)})`);
					return `${DEPARTMENT_LABELS[dept]}: ${[...new Set(read)].join(', ')}`;
				});
				return `- ${account(d.accountId)}, ${event(d.activityId)}: ${readings.join('; ')}`;
			})
		)
	);

	const missed = analysis.missedSignals.map(
		(s) => `- ${md(s.name)} on ${account(s.accountId)}${s.evidence.length ? ` (evidence: ${s.evidence.map(event).join('; ')})` : ''}`
	);
	sections.push(
		context.firedSignals ? section('Missed signals', missed) : '## Missed signals\n\n_Not checked: no fired signals were given._'
	);
	if (analysis.newSignalCandidates.length) {
		sections.push(
			section(
				'New signal candidates',
				analysis.newSignalCandidates.map(
					(c) =>
						`- “${md(c.name)}”: ${c.tagIds.length} tag${c.tagIds.length === 1 ? '' : 's'} by ${c.departments.map((d) => DEPARTMENT_LABELS[d]).join(', ')}`
				)
			)
		);
	}

	const spotting = renderSpottingRounds(state, { person: name, department, account, event });
	if (spotting) sections.push(spotting);

	const calibrations = renderCalibrations(state, { person: name, department, account });
	if (calibrations) sections.push(calibrations);

	sections.push(section('Insights', state.insights.map((i) => `- ${md(i.text)} (${name(i.authorId)})`)));

	const actions = state.actionItems;
	sections.push(
		actions.length
			? `## Action items\n\n${renderTable(
					['Action', 'Owner', 'Due', 'Account'],
					actions.map((a) => [md(a.title), name(a.ownerId), md(a.dueOn), account(a.accountId)])
				)}`
			: section('Action items', [])
	);

	sections.push(
		section(
			'Playbook changes agreed',
			state.playbookChanges.map((c) => {
				const about = c.signalId ? ` (signal: ${signal({ signal: { kind: 'playbook', signalId: c.signalId } })})` : '';
				const evidence = c.evidenceTagIds.length
					? `; evidence: ${c.evidenceTagIds.length} tagged event${c.evidenceTagIds.length === 1 ? '' : 's'}`
					: '';
				return `- ${md(c.text)}${about}${evidence}`;
			})
		)
	);

	sections.push(
		section(
			'Wins',
			state.wins.map(
				(w) => `- **${WIN_KIND_LABELS[w.kind]}**, ${account(w.accountId)}: ${md(w.text)} (${name(w.recordedBy)})`
			)
		)
	);

	return `${sections.join('\n\n')}\n`;
}

function describeRun(state: SessionState, name: (id: string) => string): string {
	const when =
		state.status === 'planned'
			? `Planned for ${formatTime(state.plan.scheduledAt)}`
			: `${formatTime(state.startedAt!)} to ${state.endedAt ? formatTime(state.endedAt) : 'now (still live)'}`;
	const count = state.attendeeIds.length;
	return `**When:** ${when}. **Facilitator:** ${name(state.facilitatorId)}. **Took part:** ${count}.`;
}

function section(title: string, lines: string[]): string {
	return `## ${title}\n\n${lines.length ? lines.join('\n') : '_None._'}`;
}

function minutes(ms: number): number {
	return Math.round(ms / 60_000);
}

/** "2026-03-04 10:00 UTC": the same on server and browser. */
function formatTime(iso: string): string {
	const d = new Date(iso);
	return Number.isNaN(d.getTime()) ? md(iso) : `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
