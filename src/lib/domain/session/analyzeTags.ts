/**
 * The signal analysis view: what each department saw in the walked accounts, where departments
 * read the same event differently, and which playbook signals fired that nobody tagged.
 */
import { DEPARTMENTS, type Department } from '../crm/vocabulary';
import { normalizeSignalName, signalKey } from './signalKey';
import type { SessionTag } from './state';
import type { Polarity } from './vocabulary';

/** A playbook signal that fired on a walked account (from evaluateRule: `evidence` = activity ids). */
export interface FiredSignal {
	signalId: string;
	name: string;
	accountId: string;
	evidence: number[];
}

export interface TaggedEvent {
	activityId: number;
	accountId: string;
	/** Departments that tagged it, in DEPARTMENTS order. */
	departments: Department[];
	tagIds: string[];
}

export interface DepartmentReading {
	department: Department;
	polarities: Polarity[];
	/** signalKey()s: 'playbook:<id>' or 'new:<name>'. */
	signals: string[];
}

export interface Disagreement extends TaggedEvent {
	/** Departments gave the event different polarities. */
	polarity: boolean;
	/** Departments named different signals for it. */
	signal: boolean;
	readings: DepartmentReading[];
}

export interface NewSignalCandidate {
	/** The name as first written. */
	name: string;
	tagIds: string[];
	activityIds: number[];
	departments: Department[];
}

export interface TagAnalysis {
	byDepartment: Record<Department, number>;
	/** Events tagged by two or more departments. */
	sharedEvents: TaggedEvent[];
	disagreements: Disagreement[];
	missedSignals: FiredSignal[];
	newSignalCandidates: NewSignalCandidate[];
}

/** `tags` in the order they were made (as in the state); results follow that order. */
export function analyzeTags(tags: readonly SessionTag[], firedSignals: readonly FiredSignal[]): TagAnalysis {
	const ordered = tags;
	const byDepartment = Object.fromEntries(DEPARTMENTS.map((d) => [d, 0])) as Record<Department, number>;
	for (const tag of ordered) byDepartment[tag.department] += 1;

	const sharedEvents: TaggedEvent[] = [];
	const disagreements: Disagreement[] = [];
	for (const group of groupByEvent(ordered)) {
		const departments = DEPARTMENTS.filter((d) => group.some((t) => t.department === d));
		if (departments.length < 2) continue;
		const event = {
			activityId: group[0].activityId,
			accountId: group[0].accountId,
			departments,
			tagIds: group.map((t) => t.id)
		};
		sharedEvents.push(event);
		const readings = departments.map((department) => readingOf(department, group));
		const polarity = crossDepartment(group, (a, b) => a.polarity !== b.polarity);
		const signal = crossDepartment(group, (a, b) => signalKey(a.signal) !== signalKey(b.signal));
		if (polarity || signal) disagreements.push({ ...event, polarity, signal, readings });
	}

	return {
		byDepartment,
		sharedEvents,
		disagreements,
		missedSignals: findMissedSignals(ordered, firedSignals),
		newSignalCandidates: collectNewSignals(ordered)
	};
}

/** Tags grouped per (account, activity), groups in the order their first tag was made. */
function groupByEvent(tags: readonly SessionTag[]): SessionTag[][] {
	const groups = new Map<string, SessionTag[]>();
	for (const tag of tags) {
		const key = `${tag.accountId}/${tag.activityId}`;
		const group = groups.get(key);
		if (group) group.push(tag);
		else groups.set(key, [tag]);
	}
	return [...groups.values()];
}

/** Whether two tags from different departments differ in the way `differ` says. */
function crossDepartment(group: SessionTag[], differ: (a: SessionTag, b: SessionTag) => boolean): boolean {
	return group.some((a) => group.some((b) => a.department !== b.department && differ(a, b)));
}

function readingOf(department: Department, group: SessionTag[]): DepartmentReading {
	const own = group.filter((t) => t.department === department);
	return {
		department,
		polarities: [...new Set(own.map((t) => t.polarity))],
		signals: [...new Set(own.map((t) => signalKey(t.signal)))]
	};
}

/** Fired signals none of whose evidence events carries a tag naming that signal. */
function findMissedSignals(tags: readonly SessionTag[], fired: readonly FiredSignal[]): FiredSignal[] {
	const tagged = new Set(
		tags.flatMap((t) => (t.signal.kind === 'playbook' ? [`${t.accountId}/${t.activityId}/${t.signal.signalId}`] : []))
	);
	const onAccount = new Set(
		tags.flatMap((t) => (t.signal.kind === 'playbook' ? [`${t.accountId}/${t.signal.signalId}`] : []))
	);
	return fired.filter((s) =>
		s.evidence.length === 0
			? !onAccount.has(`${s.accountId}/${s.signalId}`)
			: !s.evidence.some((activityId) => tagged.has(`${s.accountId}/${activityId}/${s.signalId}`))
	);
}

function collectNewSignals(tags: readonly SessionTag[]): NewSignalCandidate[] {
	const byName = new Map<string, { name: string; tags: SessionTag[] }>();
	for (const tag of tags) {
		if (tag.signal.kind !== 'new') continue;
		const key = normalizeSignalName(tag.signal.name);
		const entry = byName.get(key) ?? { name: tag.signal.name.trim(), tags: [] };
		entry.tags.push(tag);
		byName.set(key, entry);
	}
	return [...byName.values()].map(({ name, tags: own }) => ({
		name,
		tagIds: own.map((t) => t.id),
		activityIds: [...new Set(own.map((t) => t.activityId))],
		departments: DEPARTMENTS.filter((d) => own.some((t) => t.department === d))
	}));
}
