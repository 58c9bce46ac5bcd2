import { describe, expect, it } from 'vitest';
import { parseRule } from './parseRule';
import type { Rule } from './rule';

function ok(source: string): Rule {
	const result = parseRule(source);
	if (!result.ok) throw new Error(result.error.message);
	return result.rule;
}

const pricing = { type: 'pricing_visit', where: [] };
const login = { type: 'product_login', where: [] };
const customer = { kind: 'account', attribute: 'lifecycle', test: { op: '=', value: 'customer' } };
const pro = { kind: 'account', attribute: 'plan', test: { op: '=', value: 'pro' } };
const rich = { kind: 'account', attribute: 'arr', test: { op: '>=', value: 20000 } };

describe('parseRule: forms', () => {
	it('reads a count with each comparison', () => {
		for (const op of ['>=', '>', '=', '<=', '<'] as const) {
			expect(ok(`count(pricing_visit) ${op} 3 within 1d`)).toEqual({
				kind: 'count',
				event: pricing,
				op,
				count: 3,
				within: { amount: 1, unit: 'd' }
			});
		}
	});

	it('reads an event filter inside a count', () => {
		expect(ok('count(web_visit where page ~ "/pricing") >= 3 within 1d')).toEqual({
			kind: 'count',
			event: { type: 'web_visit', where: [{ property: 'page', test: { op: '~', value: '/pricing' } }] },
			op: '>=',
			count: 3,
			within: { amount: 1, unit: 'd' }
		});
	});

	it('reads an absence', () => {
		expect(ok('no(product_login) for 21d')).toEqual({ kind: 'absence', event: login, for: { amount: 21, unit: 'd' } });
	});

	it('reads an order of two events, the where clause running until "within"', () => {
		expect(ok('webinar_attended then email_clicked where campaign ~ "demo" within 3d')).toEqual({
			kind: 'sequence',
			first: { type: 'webinar_attended', where: [] },
			then: { type: 'email_clicked', where: [{ property: 'campaign', test: { op: '~', value: 'demo' } }] },
			within: { amount: 3, unit: 'd' }
		});
	});

	it('gives "and" inside a where clause to the where clause, in both events of a sequence', () => {
		const rule = ok(
			'ticket_opened where priority = high and sentiment = negative then call_logged where outcome = connected and department = sales within 2d'
		);
		expect(rule).toEqual({
			kind: 'sequence',
			first: {
				type: 'ticket_opened',
				where: [
					{ property: 'priority', test: { op: '=', value: 'high' } },
					{ property: 'sentiment', test: { op: '=', value: 'negative' } }
				]
			},
			then: {
				type: 'call_logged',
				where: [
					{ property: 'outcome', test: { op: '=', value: 'connected' } },
					{ property: 'department', test: { op: '=', value: 'sales' } }
				]
			},
			within: { amount: 2, unit: 'd' }
		});
	});

	it('ends a where clause at "within", so a later "and" joins rules', () => {
		const rule = ok('webinar_attended then email_clicked where campaign ~ demo within 3d and lifecycle = customer');
		expect(rule.kind).toBe('and');
		expect(rule).toMatchObject({ items: [{ kind: 'sequence' }, customer] });
	});

	it('reads every property comparison', () => {
		const rule = ok(
			'count(survey_answered where kind = nps and score >= 9 and score > 8 and score < 11 and score <= 10 and kind != csat and comment ~ "great") >= 1 within 2w'
		);
		expect(rule.kind === 'count' && rule.event.where.map((c) => c.test)).toEqual([
			{ op: '=', value: 'nps' },
			{ op: '>=', value: 9 },
			{ op: '>', value: 8 },
			{ op: '<', value: 11 },
			{ op: '<=', value: 10 },
			{ op: '!=', value: 'csat' },
			{ op: '~', value: 'great' }
		]);
	});

	it('reads lists, numbers, bare words and quoted texts as values', () => {
		const rule = ok(
			`count(ticket_opened where priority in [high, "very high", 3, 'urgent', “P1”] and subject = "Export \\"fails\\"") >= 1 within 30m`
		);
		expect(rule.kind === 'count' && rule.event.where).toEqual([
			{ property: 'priority', test: { op: 'in', values: ['high', 'very high', 3, 'urgent', 'P1'] } },
			{ property: 'subject', test: { op: '=', value: 'Export "fails"' } }
		]);
	});

	it('reads words made of digits and signs as text, and negative or decimal numbers as numbers', () => {
		const rule = ok('size = 51-200 or size = 1000+ or count(purchase where amount > -1.5) >= 1 within 12h');
		expect(rule).toMatchObject({
			kind: 'or',
			items: [
				{ test: { op: '=', value: '51-200' } },
				{ test: { op: '=', value: '1000+' } },
				{ event: { where: [{ test: { op: '>', value: -1.5 } }] } }
			]
		});
	});

	it('reads a contains test on a number as text', () => {
		expect(ok('count(web_visit where page ~ 404) >= 1 within 1h')).toMatchObject({
			event: { where: [{ test: { op: '~', value: '404' } }] }
		});
	});

	it('reads account attributes and names vocabulary values as the CRM spells them', () => {
		expect(ok('plan in [pro, Enterprise]')).toEqual({
			kind: 'account',
			attribute: 'plan',
			test: { op: 'in', values: ['pro', 'enterprise'] }
		});
		expect(ok('arr >= 20000')).toEqual(rich);
		expect(ok('industry ~ software')).toEqual({ kind: 'account', attribute: 'industry', test: { op: '~', value: 'software' } });
		expect(ok('size = "201-1000"')).toEqual({ kind: 'account', attribute: 'size', test: { op: '=', value: '201-1000' } });
		expect(ok('lifecycle != churned')).toEqual({ kind: 'account', attribute: 'lifecycle', test: { op: '!=', value: 'churned' } });
	});

	it('reads contact attributes', () => {
		expect(ok('contact.lifecycle = SQL')).toEqual({ kind: 'contact', attribute: 'lifecycle', test: { op: '=', value: 'sql' } });
		expect(ok('contact.title ~ "VP"')).toEqual({ kind: 'contact', attribute: 'title', test: { op: '~', value: 'VP' } });
	});

	it('reads every duration unit', () => {
		for (const unit of ['m', 'h', 'd', 'w'] as const) {
			expect(ok(`no(product_login) for 30${unit}`)).toMatchObject({ for: { amount: 30, unit } });
		}
		expect(ok('no(product_login) for 2D')).toMatchObject({ for: { amount: 2, unit: 'd' } });
	});

	it('takes keywords in any case and spaces anywhere', () => {
		expect(ok('COUNT ( pricing_visit )>=3 WITHIN 1d AND Not lifecycle=customer')).toEqual({
			kind: 'and',
			items: [
				{ kind: 'count', event: pricing, op: '>=', count: 3, within: { amount: 1, unit: 'd' } },
				{ kind: 'not', item: customer }
			]
		});
	});
});

describe('parseRule: combining', () => {
	it('binds not tighter than and, and and tighter than or', () => {
		expect(ok('lifecycle = customer or plan = pro and not arr >= 20000')).toEqual({
			kind: 'or',
			items: [customer, { kind: 'and', items: [pro, { kind: 'not', item: rich }] }]
		});
		expect(ok('not lifecycle = customer and plan = pro')).toEqual({
			kind: 'and',
			items: [{ kind: 'not', item: customer }, pro]
		});
	});

	it('follows parentheses', () => {
		expect(ok('(lifecycle = customer or plan = pro) and arr >= 20000')).toEqual({
			kind: 'and',
			items: [{ kind: 'or', items: [customer, pro] }, rich]
		});
		expect(ok('not (lifecycle = customer or plan = pro)')).toEqual({
			kind: 'not',
			item: { kind: 'or', items: [customer, pro] }
		});
	});

	it('keeps a chain of the same joiner flat and nested parentheses nested', () => {
		expect(ok('lifecycle = customer and plan = pro and arr >= 20000')).toEqual({
			kind: 'and',
			items: [customer, pro, rich]
		});
		expect(ok('((lifecycle = customer))')).toEqual(customer);
		expect(ok('not not lifecycle = customer')).toEqual({ kind: 'not', item: { kind: 'not', item: customer } });
	});

	it('accepts comments and rules over several lines', () => {
		const rule = ok(`# Evaluating: pricing page three times a day
count(pricing_visit) >= 3 within 1d   # the buying signal
  and lifecycle = customer # only customers
# the end`);
		expect(rule).toEqual({
			kind: 'and',
			items: [{ kind: 'count', event: pricing, op: '>=', count: 3, within: { amount: 1, unit: 'd' } }, customer]
		});
	});

	it('keeps # inside quoted text', () => {
		expect(ok('count(web_visit where page = "/docs#setup") >= 1 within 1d')).toMatchObject({
			event: { where: [{ test: { value: '/docs#setup' } }] }
		});
	});

	it('reads the example rules of the playbook', () => {
		for (const source of [
			'count(pricing_visit) >= 3 within 1d',
			'no(product_login) for 21d and lifecycle = customer',
			'count(ticket_opened where subject ~ "enterprise") >= 1 within 30d',
			'no(product_login) for 10d and not count(email_replied) >= 1 within 14d',
			'count(email_sent where campaign = sales-follow-up) >= 3 within 1w',
			'count(product_login) < 2 within 30d and plan in [pro, enterprise]'
		]) {
			expect(parseRule(source).ok, source).toBe(true);
		}
	});
});
