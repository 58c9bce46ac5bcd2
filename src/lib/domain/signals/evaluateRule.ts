/**
 * Runs a rule over one account's timeline, in memory: where in time the rule held, and which
 * activities made it fire. Boundaries (all instants compared as UTC milliseconds):
 * - history runs from the earliest activity at or before `now` (or from `now` when there is
 *   none) to `now` inclusive; activities after `now` are ignored;
 * - windows are half-open: `within D` at t covers (t - D, t], so an event exactly D before t
 *   has left the window; an absence `for D` needs t - D >= start of history;
 * - a sequence counts when tA < tB and tB - tA <= D (exactly D apart counts; equal times do not);
 * - an occurrence's `to` is the first instant it no longer held (exclusive), null when it still
 *   holds at `now`;
 * - `lifecycle` is the stage at each instant, read from purchases and churns (lifecycleOverTime.ts;
 *   the only activities after `now` a rule reads: a later churn says what the account was before);
 *   the other account attributes and contacts have no history and read their stored values.
 */
import { combine, complement, clip, NO_EVIDENCE, runs, type EvidenceEvent, type Segment } from './intervals';
import { absenceSegments, countSegments, sequenceSegments, type Range, type TimedEvent } from './primitives';
import { DEPARTMENT_PROPERTY, durationMs, type EventPattern, type Rule, type RuleExpression } from './rule';
import { passesTest } from './valueTest';
import { isLifecycleEvent, lifecycleSteps } from './lifecycleOverTime';

export interface RuleTimelineAccount {
	lifecycle: string;
	plan: string | null;
	arr: number;
	industry: string | null;
	size: string | null;
}

export interface RuleTimelineContact {
	id: string;
	lifecycle: string;
	title: string | null;
}

export interface RuleTimelineActivity {
	id: number;
	type: string;
	/** An instant: a Date, or an ISO 8601 text with its offset (Z or +02:00). */
	occurredAt: Date | string;
	contactId: string | null;
	department: string | null;
	properties: Record<string, unknown>;
}

/** One account's facts and activities (in any order). */
export interface RuleTimeline {
	account: RuleTimelineAccount;
	contacts: RuleTimelineContact[];
	activities: RuleTimelineActivity[];
}

export interface RuleOccurrence {
	/** When the rule started to hold. */
	from: Date;
	/** The first instant it no longer held; null while it still holds at `now`. */
	to: Date | null;
	/** Activity ids that made it start to hold, sorted by time then id. */
	evidence: number[];
}

export interface RuleEvaluation {
	/** The rule held at some instant up to `now`. */
	fires: boolean;
	holdsNow: boolean;
	firstFiredAt: Date | null;
	lastStartedAt: Date | null;
	occurrences: RuleOccurrence[];
	/** Every occurrence's evidence, without repeats, sorted by time then id. */
	evidence: number[];
}

/** An activity up to now, as the primitives read it (id and time), with the activity itself. */
interface Timed extends TimedEvent {
	activity: RuleTimelineActivity;
}

interface Context {
	timeline: RuleTimeline;
	/** Activities up to now, sorted by (time, id). */
	activities: Timed[];
	range: Range;
	/** The activities by type, in the same order, made on first use. */
	byType?: Map<string, Timed[]>;
	/** The timeline's purchases and churns (after `now` too), read once by lifecycle tests. */
	lifecycle?: { type: string; at: number }[];
}

function instant(value: Date | string, activityId?: number): number {
	const ms = value instanceof Date ? value.getTime() : Date.parse(value);
	if (Number.isNaN(ms)) {
		const what = activityId === undefined ? 'now' : `activity ${activityId} occurredAt`;
		throw new RangeError(`${what} is not a valid date: ${String(value)}`);
	}
	return ms;
}

/** Evaluates a parsed rule over a timeline as of `now`. */
export function evaluateRule(rule: Rule, timeline: RuleTimeline, now: Date): RuleEvaluation {
	return evaluateRules([rule], timeline, now)[0];
}

/**
 * Evaluates several rules over one timeline as of `now` (in the order given): the timeline is
 * read and sorted once, which is most of the work when a playbook's signals run on one account.
 */
export function evaluateRules(rules: Rule[], timeline: RuleTimeline, now: Date): RuleEvaluation[] {
	const nowMs = instant(now);
	const activities: Timed[] = [];
	for (const activity of timeline.activities) {
		const at = instant(activity.occurredAt, activity.id);
		if (at <= nowMs) activities.push({ id: activity.id, at, activity });
	}
	activities.sort((x, y) => x.at - y.at || x.id - y.id);
	const ctx: Context = { timeline, activities, range: { start: activities[0]?.at ?? nowMs, end: nowMs + 1 }, byType: undefined, lifecycle: undefined };
	return rules.map((rule) => {
		const { range } = ctx;
		const held = runs(clip(segmentsOf(rule, ctx), range.start, range.end));
		const behind = held.map((s) => s.evidence());
		const occurrences = held.map((s, i) => ({
			from: new Date(s.from),
			to: s.to >= range.end ? null : new Date(s.to),
			evidence: sortEvidence(behind[i])
		}));
		const last = occurrences.at(-1);
		return {
			fires: occurrences.length > 0,
			holdsNow: last !== undefined && last.to === null,
			firstFiredAt: occurrences[0]?.from ?? null,
			lastStartedAt: last?.from ?? null,
			occurrences,
			evidence: sortEvidence(behind.flat())
		};
	});
}

/** Evidence ids without repeats, sorted by (time, id). */
function sortEvidence(events: EvidenceEvent[]): number[] {
	return [...new Set([...events].sort((x, y) => x.at - y.at || x.id - y.id).map((e) => e.id))];
}

function segmentsOf(expr: RuleExpression, ctx: Context): Segment[] {
	const { range } = ctx;
	const always = [{ from: range.start, to: range.end, evidence: NO_EVIDENCE }];
	switch (expr.kind) {
		case 'and':
			return combine(expr.items.map((item) => segmentsOf(item, ctx)), 'all');
		case 'or':
			return combine(expr.items.map((item) => segmentsOf(item, ctx)), 'any');
		case 'not':
			return complement(segmentsOf(expr.item, ctx), range.start, range.end);
		case 'count':
			return countSegments(matching(expr.event, ctx), expr.op, expr.count, durationMs(expr.within), range);
		case 'absence':
			return absenceSegments(matching(expr.event, ctx), durationMs(expr.for), range);
		case 'sequence':
			return sequenceSegments(
				matching(expr.first, ctx),
				matching(expr.then, ctx),
				durationMs(expr.within),
				range
			);
		case 'account':
			if (expr.attribute === 'lifecycle') {
				const steps = lifecycleSteps((ctx.lifecycle ??= lifecycleEvents(ctx.timeline)), ctx.timeline.account.lifecycle, range);
				return steps.filter((s) => passesTest(expr.test, s.lifecycle)).map((s) => ({ from: s.from, to: s.to, evidence: NO_EVIDENCE }));
			}
			return passesTest(expr.test, ctx.timeline.account[expr.attribute]) ? always : [];
		case 'contact':
			return ctx.timeline.contacts.some((c) => passesTest(expr.test, c[expr.attribute])) ? always : [];
	}
}

/** The activities an event pattern matches, sorted by (time, id). Read-only: may be shared. */
function matching(pattern: EventPattern, ctx: Context): TimedEvent[] {
	const candidates = indexByType(ctx).get(pattern.type) ?? [];
	if (pattern.where.length === 0) return candidates;
	const out: TimedEvent[] = [];
	for (const timed of candidates) if (passesWhere(pattern, timed.activity)) out.push(timed);
	return out;
}

function indexByType(ctx: Context): Map<string, Timed[]> {
	if (ctx.byType) return ctx.byType;
	const byType = new Map<string, Timed[]>();
	for (const timed of ctx.activities) {
		const list = byType.get(timed.activity.type);
		if (list) list.push(timed);
		else byType.set(timed.activity.type, [timed]);
	}
	return (ctx.byType = byType);
}

function passesWhere(pattern: EventPattern, activity: RuleTimelineActivity): boolean {
	for (const c of pattern.where) {
		const value = c.property === DEPARTMENT_PROPERTY ? activity.department : propertyOf(activity, c.property);
		if (!passesTest(c.test, value)) return false;
	}
	return true;
}

/** The timeline's purchases and churns, after `now` too, sorted by (time, id). */
function lifecycleEvents(timeline: RuleTimeline): { type: string; at: number }[] {
	return timeline.activities
		.filter((a) => isLifecycleEvent(a.type))
		.map((a) => ({ type: a.type, at: instant(a.occurredAt, a.id), id: a.id }))
		.sort((x, y) => x.at - y.at || x.id - y.id);
}

function propertyOf(activity: RuleTimelineActivity, key: string): unknown {
	const properties = activity.properties ?? {};
	return Object.hasOwn(properties, key) ? properties[key] : undefined;
}
