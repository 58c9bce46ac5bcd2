/**
 * The interval evaluator against a slow reference that checks the definitions instant by instant.
 * Timelines are random (seeded) on a one-minute grid, with whole-minute durations, so every change
 * of truth happens on a minute and sampling each minute up to now sees every occurrence.
 */
import { describe, expect, it } from 'vitest';
import { evaluateRule, evaluateRules, type RuleTimeline, type RuleTimelineActivity } from './evaluateRule';
import { parseRule } from './parseRule';
import { durationMs, type EventPattern, type Rule, type RuleExpression } from './rule';
import { passesTest } from './valueTest';
import { createRandom } from '../random';
import fc from 'fast-check';

/** n cases, or more when a run asks for them with fc.configureGlobal({ numRuns }) (a setup file). */
const runs = (n: number) => Math.max(n, fc.readConfigureGlobal().numRuns ?? 0);

const MIN = 60_000;
const T0 = Date.UTC(2024, 5, 1);

const random = createRandom;
type Random = ReturnType<typeof random>;

const TYPES = ['web_visit', 'product_login', 'email_clicked', 'webinar_attended'] as const;
/** Timelines also hold purchases and churns, which move the account's lifecycle stage. */
const LIFECYCLE_TYPES = ['purchase', 'churned'] as const;

function randomTimeline(r: Random): RuleTimeline {
	const activities: RuleTimelineActivity[] = [];
	const n = r.int(0, 14);
	for (let id = 1; id <= n; id++) {
		activities.push({
			id: r.int(0, 1) === 0 ? id : 1000 - id,
			type: r.next() < 0.15 ? r.pick(LIFECYCLE_TYPES) : r.pick(TYPES),
			occurredAt: new Date(T0 + r.int(0, 40) * 5 * MIN - (r.next() < 0.3 ? r.int(0, 3) * MIN : 0)),
			contactId: null,
			department: r.pick(['sales', 'marketing']),
			properties: { page: r.pick(['/pricing', '/docs', '/Pricing/team']), score: r.int(0, 10) }
		});
	}
	return {
		account: { lifecycle: r.pick(['lead', 'prospect', 'customer', 'churned']), plan: r.pick(['pro', null]), arr: r.int(0, 3) * 10000, industry: null, size: null },
		contacts: r.next() < 0.5 ? [{ id: 'c', lifecycle: r.pick(['mql', 'sql']), title: null }] : [],
		activities
	};
}

function randomEvent(r: Random): string {
	const type = r.pick(TYPES);
	const filters = ['', ' where page ~ pricing', ' where score >= 5', ' where department = sales and score < 8'];
	return type + r.pick(filters);
}

function randomRule(r: Random, depth = 0): string {
	const d = () => `${r.int(1, 12) * 5}m`;
	const leaf = (): string => {
		switch (r.int(0, 5)) {
			case 0:
			case 1:
				return `count(${randomEvent(r)}) ${r.pick(['>=', '>', '=', '<=', '<'])} ${r.int(0, 3)} within ${d()}`;
			case 2:
				return `no(${randomEvent(r)}) for ${d()}`;
			case 3:
				return `${randomEvent(r)} then ${randomEvent(r)} within ${d()}`;
			case 4:
				return r.pick([
					'lifecycle = customer',
					'lifecycle in [prospect, churned]',
					'lifecycle != lead',
					'lifecycle = churned',
					'plan in [pro, enterprise]',
					'arr >= 20000'
				]);
			default:
				return 'contact.lifecycle = sql';
		}
	};
	if (depth >= 2 || r.next() < 0.45) return leaf();
	const kind = r.int(0, 2);
	if (kind === 0) return `not (${randomRule(r, depth + 1)})`;
	return `(${randomRule(r, depth + 1)}) ${kind === 1 ? 'and' : 'or'} (${randomRule(r, depth + 1)})`;
}

interface Ev {
	id: number;
	at: number;
}

/** The definitions, checked at one instant. Returns the evidence when the rule holds, else null. */
function reference(rule: Rule, tl: RuleTimeline, now: number) {
	const acts = tl.activities
		.map((a) => ({ ...a, at: new Date(a.occurredAt).getTime() }))
		.filter((a) => a.at <= now)
		.sort((x, y) => x.at - y.at || x.id - y.id);
	const start = acts[0]?.at ?? now;
	// The stage at t: the last purchase or churn at or before t; before the first, what it followed.
	// Later purchases and churns count too: they say what the account was before them.
	const changes = tl.activities
		.map((a) => ({ ...a, at: new Date(a.occurredAt).getTime() }))
		.sort((x, y) => x.at - y.at || x.id - y.id)
		.filter((a) => a.type === 'purchase' || a.type === 'churned');
	const lifecycleAt = (t: number): string => {
		const last = changes.filter((a) => a.at <= t).at(-1);
		if (last) return last.type === 'purchase' ? 'customer' : 'churned';
		if (changes.length > 0) return changes[0].type === 'purchase' ? 'prospect' : 'customer';
		return tl.account.lifecycle;
	};
	const matching = (p: EventPattern): Ev[] =>
		acts.filter(
			(a) =>
				a.type === p.type &&
				p.where.every((c) => passesTest(c.test, c.property === 'department' ? a.department : a.properties[c.property]))
		);
	const at = (e: RuleExpression, t: number): number[] | null => {
		switch (e.kind) {
			case 'and': {
				const parts = e.items.map((i) => at(i, t));
				return parts.every((p) => p !== null) ? parts.flat() as number[] : null;
			}
			case 'or': {
				const parts = e.items.map((i) => at(i, t)).filter((p) => p !== null);
				return parts.length > 0 ? (parts.flat() as number[]) : null;
			}
			case 'not':
				return at(e.item, t) === null ? [] : null;
			case 'count': {
				const D = durationMs(e.within);
				const inWindow = matching(e.event).filter((a) => a.at > t - D && a.at <= t);
				const n = inWindow.length;
				const ok = { '>=': n >= e.count, '>': n > e.count, '=': n === e.count, '<=': n <= e.count, '<': n < e.count }[e.op];
				const full = e.op === '>=' || e.op === '>' || t - D >= start;
				return ok && full ? inWindow.map((a) => a.id) : null;
			}
			case 'absence': {
				const D = durationMs(e.for);
				const events = matching(e.event);
				if (t - D < start || events.some((a) => a.at > t - D && a.at <= t)) return null;
				const before = events.filter((a) => a.at <= t - D).at(-1);
				return before ? [before.id] : [];
			}
			case 'sequence': {
				const D = durationMs(e.within);
				const firsts = matching(e.first);
				const ids: number[] = [];
				for (const b of matching(e.then)) {
					if (!(b.at <= t && t < b.at + D)) continue;
					const a = firsts.filter((x) => x.at < b.at && b.at - x.at <= D).at(-1);
					if (a) ids.push(a.id, b.id);
				}
				return ids.length > 0 ? ids : null;
			}
			case 'account':
				return passesTest(e.test, e.attribute === 'lifecycle' ? lifecycleAt(t) : tl.account[e.attribute]) ? [] : null;
			case 'contact':
				return tl.contacts.some((c) => passesTest(e.test, c[e.attribute])) ? [] : null;
		}
	};
	const timeOf = new Map(acts.map((a) => [a.id, a.at]));
	const sorted = (ids: number[]) => [...new Set(ids)].sort((x, y) => timeOf.get(x)! - timeOf.get(y)! || x - y);
	const occurrences: { from: number; to: number | null; evidence: number[] }[] = [];
	let open: (typeof occurrences)[number] | null = null;
	for (let t = start; t <= now; t += MIN) {
		const evidence = at(rule, t);
		if (evidence !== null && open === null) {
			open = { from: t, to: null, evidence: sorted(evidence) };
			occurrences.push(open);
		} else if (evidence === null && open !== null) {
			open.to = t;
			open = null;
		}
	}
	return occurrences;
}

function parse(source: string): Rule {
	const result = parseRule(source);
	if (!result.ok) throw new Error(`${source}: ${result.error.message}`);
	return result.rule;
}

describe('evaluateRule agrees with the definitions, instant by instant', () => {
	it('on 400 random rules and timelines', () => {
		for (let seed = 1; seed <= runs(400); seed++) {
			const r = random(seed);
			const tl = randomTimeline(r);
			const source = randomRule(r);
			const rule = parse(source);
			const now = T0 + r.int(0, 50) * 5 * MIN;
			const got = evaluateRule(rule, tl, new Date(now)).occurrences.map((o) => ({
				from: o.from.getTime(),
				to: o.to && o.to.getTime(),
				evidence: o.evidence
			}));
			expect(got, `seed ${seed}: ${source}`).toEqual(reference(rule, tl, now));
		}
	});

	it('evaluates several rules over one timeline as each would be alone (200 random sets of four)', () => {
		for (let seed = 5000; seed < 5000 + runs(200); seed++) {
			const r = random(seed);
			const tl = randomTimeline(r);
			const sources = [randomRule(r), randomRule(r), 'lifecycle = customer', randomRule(r)];
			const now = T0 + r.int(0, 50) * 5 * MIN;
			const evaluations = evaluateRules(sources.map(parse), tl, new Date(now));
			sources.forEach((source, i) => {
				const got = evaluations[i].occurrences.map((o) => ({ from: o.from.getTime(), to: o.to && o.to.getTime(), evidence: o.evidence }));
				expect(got, `seed ${seed}, rule ${i + 1}: ${source}`).toEqual(reference(parse(source), tl, now));
			});
		}
	});

	it('says "no(E) for D" exactly when "count(E) = 0 within D" and "count(E) < 1 within D"', () => {
		for (let seed = 1000; seed < 1000 + runs(200); seed++) {
			const r = random(seed);
			const tl = randomTimeline(r);
			const event = randomEvent(r);
			const d = `${r.int(1, 12) * 5}m`;
			const now = new Date(T0 + r.int(0, 50) * 5 * MIN);
			const spans = (source: string) =>
				evaluateRule(parse(source), tl, now).occurrences.map((o) => [o.from.getTime(), o.to?.getTime() ?? null]);
			const absence = spans(`no(${event}) for ${d}`);
			expect(spans(`count(${event}) = 0 within ${d}`), `seed ${seed}`).toEqual(absence);
			expect(spans(`count(${event}) < 1 within ${d}`), `seed ${seed}`).toEqual(absence);
		}
	});

	it('holds "X or not X" over the whole history and "X and not X" never', () => {
		for (let seed = 2000; seed < 2000 + runs(150); seed++) {
			const r = random(seed);
			const tl = randomTimeline(r);
			const x = randomRule(r, 1);
			const now = new Date(T0 + r.int(0, 50) * 5 * MIN);
			const always = evaluateRule(parse(`(${x}) or not (${x})`), tl, now);
			expect(always.occurrences.length, `seed ${seed}: ${x}`).toBe(1);
			expect(always.holdsNow).toBe(true);
			expect(evaluateRule(parse(`(${x}) and not (${x})`), tl, now).fires, `seed ${seed}: ${x}`).toBe(false);
		}
	});
});
