import { describe, expect, it } from 'vitest';
import { parseRule } from '../signals/parseRule';
import { evaluateRule, type RuleTimeline } from '../signals/evaluateRule';
import { ruleBeforeChurn } from './ruleBeforeOutcome';

const parse = (text: string) => {
	const r = parseRule(text);
	if (!r.ok) throw new Error(r.error.message);
	return r.rule;
};

const timeline = (lifecycle: string): RuleTimeline => ({
	account: { lifecycle, plan: null, arr: 0, industry: null, size: null },
	contacts: [],
	activities: [{ id: 1, type: 'product_login', occurredAt: new Date('2026-01-01T00:00:00Z'), contactId: null, department: 'product', properties: {} }]
});

const fires = (text: string, lifecycle: string) =>
	evaluateRule(ruleBeforeChurn(parse(text)), timeline(lifecycle), new Date('2026-03-01T00:00:00Z')).fires;

describe('ruleBeforeChurn', () => {
	it('reads a churned account as the customer it was', () => {
		const rule = 'lifecycle = customer and no(product_login) for 21d';
		expect(fires(rule, 'churned')).toBe(true);
		expect(fires(rule, 'customer')).toBe(true);
		expect(fires(rule, 'prospect')).toBe(false);
	});

	it('keeps conditions that customers and churned accounts pass alike, and turns away churned from non-customer tests', () => {
		expect(fires('lifecycle in [customer, churned] and no(product_login) for 21d', 'churned')).toBe(true);
		expect(fires('lifecycle = churned and no(product_login) for 21d', 'churned')).toBe(false);
		expect(fires('lifecycle != customer and no(product_login) for 21d', 'churned')).toBe(false);
		expect(fires('not lifecycle = customer and no(product_login) for 21d', 'churned')).toBe(false);
		expect(fires('lifecycle = prospect or no(product_login) for 21d', 'churned')).toBe(true);
	});

	it('leaves rules without lifecycle conditions as they are', () => {
		const rule = parse('count(ticket_opened) >= 2 within 7d and plan = pro');
		expect(ruleBeforeChurn(rule)).toEqual(rule);
	});
});
