import { expect, it } from 'vitest';
import { parseRule } from './parseRule';
import { listRuleEventTypes } from './ruleEventTypes';

it('lists the activity types a rule reads, through and/or/not and sequences, purchases and churns for lifecycle, none for other attributes', () => {
	const parsed = parseRule('lifecycle = customer and (no(product_login) for 21d or not count(ticket_opened) >= 2 within 7d) or webinar_attended then email_clicked within 3d');
	if (!parsed.ok) throw new Error(parsed.error.message);
	expect([...listRuleEventTypes(parsed.rule)].sort()).toEqual(['churned', 'email_clicked', 'product_login', 'purchase', 'ticket_opened', 'webinar_attended']);
	const attributes = parseRule('plan in [pro, enterprise]');
	if (!attributes.ok) throw new Error(attributes.error.message);
	expect(listRuleEventTypes(attributes.rule).size).toBe(0);
});
