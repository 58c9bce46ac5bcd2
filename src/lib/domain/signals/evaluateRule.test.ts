import { describe, expect, it } from 'vitest';
import { evaluateRule, type RuleTimeline, type RuleTimelineActivity } from './evaluateRule';
import { parseRule } from './parseRule';

const T0 = Date.UTC(2024, 2, 1, 9, 0, 0);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const at = (ms: number) => new Date(T0 + ms);

type Act = Partial<RuleTimelineActivity> & { id: number; type: string };

function timeline(activities: Act[], extra: Partial<RuleTimeline> = {}): RuleTimeline {
	return {
		account: { lifecycle: 'customer', plan: 'pro', arr: 24000, industry: 'Software', size: '51-200' },
		contacts: [{ id: 'c1', lifecycle: 'mql', title: 'Head of Sales' }],
		activities: activities.map((a) => ({
			occurredAt: at(0),
			contactId: null,
			department: 'marketing',
			properties: {},
			...a
		})),
		...extra
	};
}

/** An activity of `type` at T0 + offset. */
const ev = (id: number, type: string, offset: number, properties: Record<string, unknown> = {}): Act => ({
	id,
	type,
	occurredAt: at(offset),
	properties
});

function run(source: string, tl: RuleTimeline, now: number) {
	const parsed = parseRule(source);
	if (!parsed.ok) throw new Error(parsed.error.message);
	return evaluateRule(parsed.rule, tl, at(now));
}

/** Occurrences as [from, to | null] offsets from T0, for short assertions. */
function spans(source: string, tl: RuleTimeline, now: number): [number, number | null][] {
	return run(source, tl, now).occurrences.map((o) => [o.from.getTime() - T0, o.to && o.to.getTime() - T0]);
}

describe('evaluateRule: counts', () => {
	const visits = timeline([ev(1, 'pricing_visit', 0), ev(2, 'pricing_visit', HOUR), ev(3, 'pricing_visit', 2 * HOUR)]);

	it('holds from the event that reaches the threshold until the first one leaves the window', () => {
		const result = run('count(pricing_visit) >= 3 within 1d', visits, 3 * DAY);
		expect(result).toEqual({
			fires: true,
			holdsNow: false,
			firstFiredAt: at(2 * HOUR),
			lastStartedAt: at(2 * HOUR),
			occurrences: [{ from: at(2 * HOUR), to: at(DAY), evidence: [1, 2, 3] }],
			evidence: [1, 2, 3]
		});
	});

	it('still holds at now when now is inside the window, and not before the threshold', () => {
		expect(run('count(pricing_visit) >= 3 within 1d', visits, 5 * HOUR)).toMatchObject({
			fires: true,
			holdsNow: true,
			occurrences: [{ from: at(2 * HOUR), to: null }]
		});
		expect(run('count(pricing_visit) >= 3 within 1d', visits, 2 * HOUR - 1).fires).toBe(false);
		expect(run('count(pricing_visit) >= 3 within 1d', visits, 2 * HOUR).holdsNow).toBe(true);
	});

	it('treats the window as (t - D, t]: events exactly D apart are never together', () => {
		const apart = (gap: number) => timeline([ev(1, 'pricing_visit', 0), ev(2, 'pricing_visit', gap)]);
		expect(run('count(pricing_visit) >= 2 within 1d', apart(DAY), 3 * DAY).fires).toBe(false);
		expect(spans('count(pricing_visit) >= 2 within 1d', apart(DAY - 1), 3 * DAY)).toEqual([[DAY - 1, DAY]]);
		expect(spans('count(pricing_visit) >= 1 within 1d', apart(DAY), 3 * DAY)).toEqual([[0, 2 * DAY]]);
		expect(spans('count(pricing_visit) >= 1 within 1d', apart(DAY + 1), 3 * DAY)).toEqual([
			[0, DAY],
			[DAY + 1, 2 * DAY + 1]
		]);
	});

	it('keeps one occurrence while more events arrive, with the evidence of its start', () => {
		const tl = timeline([1, 2, 3, 4, 5].map((i) => ev(i, 'pricing_visit', i * HOUR)));
		expect(run('count(pricing_visit) >= 3 within 1d', tl, 2 * DAY)).toMatchObject({
			occurrences: [{ from: at(3 * HOUR), to: at(DAY + 3 * HOUR), evidence: [1, 2, 3] }],
			evidence: [1, 2, 3]
		});
	});

	it('counts events at identical timestamps together', () => {
		const tl = timeline([
			ev(1, 'web_visit', 0),
			ev(7, 'pricing_visit', HOUR),
			ev(5, 'pricing_visit', HOUR),
			ev(6, 'pricing_visit', HOUR)
		]);
		expect(run('count(pricing_visit) >= 3 within 1m', tl, DAY)).toMatchObject({
			occurrences: [{ from: at(HOUR), to: at(HOUR + MIN), evidence: [5, 6, 7] }]
		});
		expect(spans('count(pricing_visit) = 3 within 1m', tl, DAY)).toEqual([[HOUR, HOUR + MIN]]);
	});

	it('gives the same answer whatever the order of the activities', () => {
		const shuffled = timeline([ev(3, 'pricing_visit', 2 * HOUR), ev(1, 'pricing_visit', 0), ev(2, 'pricing_visit', HOUR)]);
		expect(run('count(pricing_visit) >= 3 within 1d', shuffled, 3 * DAY)).toEqual(
			run('count(pricing_visit) >= 3 within 1d', visits, 3 * DAY)
		);
	});

	it('compares instants, whatever the time zone they were written in', () => {
		const tl = timeline([
			{ id: 1, type: 'pricing_visit', occurredAt: new Date('2024-03-01T12:00:00+02:00') },
			{ id: 2, type: 'pricing_visit', occurredAt: new Date('2024-03-01T10:00:00Z') },
			{ id: 3, type: 'pricing_visit', occurredAt: '2024-03-01T05:30:00-04:30' }
		]);
		const now = new Date('2024-03-01T10:00:00.000Z');
		const parsed = parseRule('count(pricing_visit) >= 3 within 1m');
		if (!parsed.ok) throw new Error('parse');
		expect(evaluateRule(parsed.rule, tl, now)).toMatchObject({ holdsNow: true, firstFiredAt: now, evidence: [1, 2, 3] });
	});

	it('needs a whole window of history for "fewer than", "at most" and "exactly"', () => {
		const tl = timeline([ev(1, 'web_visit', 0), ev(2, 'product_login', 5 * DAY)]);
		expect(run('count(product_login) < 2 within 30d', tl, 10 * DAY).fires).toBe(false);
		expect(spans('count(product_login) < 2 within 30d', tl, 40 * DAY)).toEqual([[30 * DAY, null]]);
		expect(run('count(product_login) < 2 within 30d', tl, 40 * DAY).occurrences[0].evidence).toEqual([2]);
		expect(spans('count(product_login) <= 0 within 30d', tl, 40 * DAY)).toEqual([[35 * DAY, null]]);
		expect(spans('count(product_login) = 1 within 30d', tl, 40 * DAY)).toEqual([[30 * DAY, 35 * DAY]]);
		expect(spans('count(product_login) >= 1 within 30d', tl, 40 * DAY)).toEqual([[5 * DAY, 35 * DAY]]);
		expect(spans('count(product_login) > 0 within 30d', tl, 40 * DAY)).toEqual([[5 * DAY, 35 * DAY]]);
	});

	it('ignores activities after now', () => {
		const tl = timeline([ev(1, 'pricing_visit', DAY), ev(2, 'pricing_visit', 2 * DAY), ev(3, 'web_visit', 0)]);
		expect(run('count(pricing_visit) >= 1 within 1d', tl, DAY + HOUR)).toMatchObject({
			evidence: [1],
			occurrences: [{ from: at(DAY), to: null }]
		});
	});
});

describe('evaluateRule: absence', () => {
	it('holds from D after the start of history, and from D after each last event, until the next one', () => {
		const tl = timeline([ev(1, 'email_sent', 0), ev(2, 'product_login', 30 * DAY)]);
		expect(run('no(product_login) for 21d', tl, 60 * DAY)).toEqual({
			fires: true,
			holdsNow: true,
			firstFiredAt: at(21 * DAY),
			lastStartedAt: at(51 * DAY),
			occurrences: [
				{ from: at(21 * DAY), to: at(30 * DAY), evidence: [] },
				{ from: at(51 * DAY), to: null, evidence: [2] }
			],
			evidence: [2]
		});
	});

	it('does not hold before a whole gap fits in the history', () => {
		const tl = timeline([ev(1, 'email_sent', 0)]);
		expect(run('no(product_login) for 21d', tl, 21 * DAY - 1).fires).toBe(false);
		expect(spans('no(product_login) for 21d', tl, 21 * DAY)).toEqual([[21 * DAY, null]]);
	});

	it('treats an event exactly D before t as outside the gap', () => {
		const tl = timeline([ev(1, 'product_login', 0), ev(2, 'product_login', 3 * DAY), ev(3, 'product_login', 6 * DAY + 1)]);
		expect(spans('no(product_login) for 3d', tl, 10 * DAY)).toEqual([
			[6 * DAY, 6 * DAY + 1],
			[9 * DAY + 1, null]
		]);
		expect(run('no(product_login) for 3d', tl, 10 * DAY).occurrences.map((o) => o.evidence)).toEqual([[2], [3]]);
	});

	it('uses the last of several events at the same instant as evidence', () => {
		const tl = timeline([ev(9, 'product_login', 0), ev(4, 'product_login', 0)]);
		expect(run('no(product_login) for 1h', tl, DAY).evidence).toEqual([9]);
	});
});

describe('evaluateRule: sequences', () => {
	const rule = 'webinar_attended then email_clicked where campaign ~ "demo" within 3d';
	const demo = { campaign: 'Spring DEMO invite' };

	it('holds from B for D after it, with A and B as evidence', () => {
		const tl = timeline([ev(1, 'webinar_attended', 0), ev(2, 'email_clicked', DAY, demo)]);
		expect(run(rule, tl, 10 * DAY)).toMatchObject({
			occurrences: [{ from: at(DAY), to: at(4 * DAY), evidence: [1, 2] }],
			evidence: [1, 2]
		});
	});

	it('counts B exactly D after A, but not D + 1 ms, nor at the same instant', () => {
		const gap = (ms: number) => timeline([ev(1, 'webinar_attended', 0), ev(2, 'email_clicked', ms, demo)]);
		expect(run(rule, gap(3 * DAY), 10 * DAY).fires).toBe(true);
		expect(run(rule, gap(3 * DAY + 1), 10 * DAY).fires).toBe(false);
		expect(run(rule, gap(0), 10 * DAY).fires).toBe(false);
	});

	it('does not hold when B comes before A', () => {
		const tl = timeline([ev(2, 'email_clicked', 0, demo), ev(1, 'webinar_attended', HOUR)]);
		expect(run(rule, tl, 10 * DAY).fires).toBe(false);
	});

	it('applies B filters and pairs each B with the latest A before it', () => {
		const tl = timeline([
			ev(1, 'webinar_attended', 0),
			ev(2, 'webinar_attended', HOUR),
			ev(3, 'email_clicked', 2 * HOUR, { campaign: 'newsletter' }),
			ev(4, 'email_clicked', 3 * HOUR, demo),
			ev(5, 'email_clicked', 5 * DAY, demo)
		]);
		expect(run(rule, tl, 10 * DAY)).toMatchObject({
			occurrences: [{ from: at(3 * HOUR), to: at(3 * DAY + 3 * HOUR), evidence: [2, 4] }],
			evidence: [2, 4]
		});
	});

	it('extends while later Bs keep qualifying', () => {
		const tl = timeline([
			ev(1, 'webinar_attended', 0),
			ev(2, 'email_clicked', DAY, demo),
			ev(3, 'email_clicked', 2 * DAY, demo)
		]);
		expect(spans(rule, tl, 10 * DAY)).toEqual([[DAY, 5 * DAY]]);
	});
});

describe('evaluateRule: attributes and combinations', () => {
	const tl = timeline([ev(1, 'pricing_visit', 0), ev(2, 'pricing_visit', HOUR), ev(3, 'email_sent', 2 * DAY)]);

	it('holds attribute conditions over the whole history, without evidence', () => {
		expect(run('lifecycle = customer and plan in [pro, enterprise] and arr >= 20000', tl, 3 * DAY)).toEqual({
			fires: true,
			holdsNow: true,
			firstFiredAt: at(0),
			lastStartedAt: at(0),
			occurrences: [{ from: at(0), to: null, evidence: [] }],
			evidence: []
		});
		expect(run('industry ~ SOFT and size = "51-200"', tl, 3 * DAY).holdsNow).toBe(true);
		expect(run('arr > 24000', tl, 3 * DAY).fires).toBe(false);
		expect(run('plan != pro', tl, 3 * DAY).fires).toBe(false);
	});

	it('reads lifecycle at each moment: a prospect before the purchase, a customer until the churn', () => {
		const account = { lifecycle: 'churned', plan: null, arr: 0, industry: null, size: null };
		const life = timeline(
			[ev(1, 'web_visit', 0), ev(2, 'purchase', 10 * DAY), ev(3, 'product_login', 11 * DAY), ev(4, 'churned', 60 * DAY)],
			{ account }
		);
		expect(spans('lifecycle = prospect', life, 90 * DAY)).toEqual([[0, 10 * DAY]]);
		expect(spans('lifecycle = customer', life, 90 * DAY)).toEqual([[10 * DAY, 60 * DAY]]);
		expect(spans('lifecycle = churned', life, 90 * DAY)).toEqual([[60 * DAY, null]]);
		expect(spans('lifecycle in [prospect, customer]', life, 90 * DAY)).toEqual([[0, 60 * DAY]]);
		expect(spans('lifecycle != customer', life, 90 * DAY)).toEqual([[0, 10 * DAY], [60 * DAY, null]]);
		// The starter login-silence rule: silent from day 32, a customer until day 60.
		expect(spans('lifecycle = customer and no(product_login) for 21d', life, 90 * DAY)).toEqual([[32 * DAY, 60 * DAY]]);
		// As of day 30 the churn has not happened: the account is the customer it then was, and as
		// of day 5, before the purchase, a prospect (whatever its stored stage is today).
		expect(spans('lifecycle = customer', life, 30 * DAY)).toEqual([[10 * DAY, null]]);
		expect(spans('lifecycle = prospect', life, 5 * DAY)).toEqual([[0, null]]);
		// A churn without a recorded purchase: a customer until it, even seen from before it.
		const noPurchase = timeline([ev(1, 'product_login', 0), ev(2, 'churned', 40 * DAY)], { account });
		expect(spans('lifecycle = customer and no(product_login) for 21d', noPurchase, 40 * DAY - 1)).toEqual([[21 * DAY, null]]);
	});

	it('reads a customer whose purchase is recorded as a customer only from it, and a lead without one as a lead', () => {
		const bought = timeline([ev(1, 'product_login', 0), ev(2, 'purchase', 5 * DAY), ev(3, 'product_login', 6 * DAY)]);
		expect(spans('lifecycle = customer and no(product_login) for 21d', bought, 40 * DAY)).toEqual([[27 * DAY, null]]);
		const lead = { lifecycle: 'lead', plan: null, arr: 0, industry: null, size: null };
		expect(spans('lifecycle = lead', timeline([ev(1, 'web_visit', 0), ev(2, 'web_visit', DAY)], { account: lead }), 2 * DAY)).toEqual([[0, null]]);
	});

	it('treats a missing attribute as never equal', () => {
		const noPlan = timeline([], { account: { lifecycle: 'lead', plan: null, arr: 0, industry: null, size: null } });
		expect(run('plan = pro', noPlan, DAY).fires).toBe(false);
		expect(run('plan != pro', noPlan, DAY).fires).toBe(true);
		expect(run('industry ~ ""', noPlan, DAY).fires).toBe(false);
	});

	it('tests contacts with "any contact matches"', () => {
		const people = timeline([], {
			contacts: [
				{ id: 'a', lifecycle: 'lead', title: 'Engineer' },
				{ id: 'b', lifecycle: 'sql', title: null }
			]
		});
		expect(run('contact.lifecycle = sql', people, DAY).holdsNow).toBe(true);
		expect(run('contact.title ~ engineer', people, DAY).holdsNow).toBe(true);
		expect(run('contact.lifecycle = customer', people, DAY).fires).toBe(false);
		expect(run('contact.title = "Engineer" and contact.lifecycle = sql', people, DAY).fires).toBe(true);
		expect(run('contact.lifecycle = sql', timeline([], { contacts: [] }), DAY).fires).toBe(false);
	});

	it('intersects with and, merging the evidence', () => {
		const result = run('count(pricing_visit) >= 2 within 3d and count(email_sent) >= 1 within 2d', tl, 5 * DAY);
		expect(result.occurrences).toEqual([{ from: at(2 * DAY), to: at(3 * DAY), evidence: [1, 2, 3] }]);
		expect(run('count(pricing_visit) >= 2 within 1d and count(email_sent) >= 1 within 2d', tl, 5 * DAY).fires).toBe(false);
	});

	it('joins with or, taking the evidence of what holds at the start', () => {
		const result = run('count(pricing_visit) >= 2 within 1d or count(email_sent) >= 1 within 1d', tl, 4 * DAY);
		expect(result.occurrences).toEqual([
			{ from: at(HOUR), to: at(DAY), evidence: [1, 2] },
			{ from: at(2 * DAY), to: at(3 * DAY), evidence: [3] }
		]);
		expect(result.evidence).toEqual([1, 2, 3]);
		expect(result.lastStartedAt).toEqual(at(2 * DAY));
	});

	it('complements with not within the history, without evidence', () => {
		expect(spans('not count(pricing_visit) >= 2 within 1d', tl, 3 * DAY)).toEqual([
			[0, HOUR],
			[DAY, null]
		]);
		expect(run('not count(pricing_visit) >= 2 within 1d', tl, 3 * DAY).evidence).toEqual([]);
		expect(run('not lifecycle = customer', tl, 3 * DAY).fires).toBe(false);
		expect(spans('not not count(pricing_visit) >= 2 within 1d', tl, 3 * DAY)).toEqual([[HOUR, DAY]]);
	});

	it('nests and, or and not', () => {
		const source = '(count(pricing_visit) >= 2 within 1d or no(pricing_visit) for 1d) and not count(email_sent) >= 1 within 12h';
		expect(spans(source, tl, 4 * DAY)).toEqual([
			[HOUR, DAY],
			[DAY + HOUR, 2 * DAY],
			[2 * DAY + 12 * HOUR, null]
		]);
		expect(run(source, tl, 4 * DAY).occurrences.map((o) => o.evidence)).toEqual([[1, 2], [2], [2]]);
	});
});

describe('evaluateRule: property filters', () => {
	const tl = timeline([
		ev(1, 'web_visit', 0, { page: '/Pricing/enterprise' }),
		ev(2, 'survey_answered', 2 * MIN, { kind: 'nps', score: '10' }),
		ev(3, 'survey_answered', 4 * MIN, { kind: 'NPS', score: 9 }),
		ev(4, 'survey_answered', 6 * MIN, { kind: 'csat', score: 'n/a' }),
		{ ...ev(5, 'ticket_opened', 8 * MIN, { priority: 'high' }), department: 'support' },
		ev(6, 'ticket_opened', 10 * MIN, {})
	]);
	/** Activities 2 minutes apart and a 1-minute window: each match is an occurrence of its own. */
	const matches = (where: string, type = 'survey_answered') =>
		run(`count(${type} where ${where}) >= 1 within 1m`, tl, HOUR).evidence;

	it('matches "contains" ignoring case', () => {
		expect(matches('page ~ "/pricing"', 'web_visit')).toEqual([1]);
		expect(matches('page ~ "/PRICING/ENT"', 'web_visit')).toEqual([1]);
		expect(matches('page ~ "/docs"', 'web_visit')).toEqual([]);
	});

	it('compares numbers numerically, also when stored as text', () => {
		expect(matches('score > 9')).toEqual([2]);
		expect(matches('score >= 9')).toEqual([2, 3]);
		expect(matches('score < 10')).toEqual([3]);
		expect(matches('score <= 10')).toEqual([2, 3]);
		expect(matches('score = 10')).toEqual([2]);
		expect(matches('score = 10.0')).toEqual([2]);
		expect(matches('score != 10')).toEqual([3, 4]);
	});

	it('matches words ignoring case, and lists', () => {
		expect(matches('kind = nps')).toEqual([2, 3]);
		expect(matches('kind in [csat, "NPS"]')).toEqual([2, 3, 4]);
		expect(matches('kind in [ces]')).toEqual([]);
		expect(matches('score in [9, 10]')).toEqual([2, 3]);
	});

	it('treats a missing property as never equal, and filters on department', () => {
		expect(matches('priority = high', 'ticket_opened')).toEqual([5]);
		expect(matches('priority != high', 'ticket_opened')).toEqual([6]);
		expect(matches('department = support', 'ticket_opened')).toEqual([5]);
		expect(matches('department = support and priority = low', 'ticket_opened')).toEqual([]);
	});
});

describe('evaluateRule: empty and unusual timelines', () => {
	const empty = timeline([]);

	it('starts history at now when there are no activities', () => {
		expect(run('count(pricing_visit) >= 1 within 1d', empty, 0)).toEqual({
			fires: false,
			holdsNow: false,
			firstFiredAt: null,
			lastStartedAt: null,
			occurrences: [],
			evidence: []
		});
		expect(run('no(product_login) for 1d', empty, 0).fires).toBe(false);
		expect(run('count(product_login) < 1 within 1d', empty, 0).fires).toBe(false);
		expect(spans('lifecycle = customer', empty, 0)).toEqual([[0, null]]);
		expect(spans('not count(pricing_visit) >= 1 within 1d', empty, 0)).toEqual([[0, null]]);
	});

	it('refuses an activity whose date is not a date', () => {
		const bad = timeline([{ id: 1, type: 'web_visit', occurredAt: 'yesterday' }]);
		expect(() => run('lifecycle = customer', bad, 0)).toThrow(/activity 1 occurredAt is not a valid date/);
	});
});
