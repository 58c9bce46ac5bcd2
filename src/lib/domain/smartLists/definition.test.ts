import { describe, expect, it } from 'vitest';
import { diffMembers, parseSmartListDefinition } from './definition';
import { smartListFromForm } from './formInput';
import { describeFilters } from './describeFilters';

describe('parseSmartListDefinition', () => {
	it('reads a list with a rule and filters, keeping the rule text as written', () => {
		const result = parseSmartListDefinition({
			name: '  Highly engaged leads ',
			rule: 'count(web_visit) >= 3 within 30d # busy\n and count(email_clicked) >= 1 within 30d',
			filters: { lifecycle: ['lead', 'prospect'] }
		});
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.definition).toMatchObject({
			name: 'Highly engaged leads',
			description: '',
			ruleText: 'count(web_visit) >= 3 within 30d # busy\n and count(email_clicked) >= 1 within 30d',
			filters: { lifecycle: ['lead', 'prospect'], plan: [], size: [], ownerId: null, industry: null }
		});
		expect(result.definition.rule?.kind).toBe('and');
	});

	it('takes filters alone (no rule), and an empty rule counts as none', () => {
		const result = parseSmartListDefinition({ name: 'Enterprise customers', rule: '   ', filters: { lifecycle: ['customer'], plan: ['enterprise'] } });
		expect(result).toMatchObject({ ok: true, definition: { ruleText: null, rule: null } });
	});

	it("refuses a rule the language cannot read with the rule language's own message", () => {
		const result = parseSmartListDefinition({ name: 'Broken', rule: 'count(pricing_visit) >= 3 within tomorrow' });
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors.rule).toMatch(/^The rule could not be read\. Line 1, column \d+: .*duration/);
	});

	it('says what is missing or wrong, per field', () => {
		expect(parseSmartListDefinition({ name: '', filters: { lifecycle: ['customer'] } })).toEqual({ ok: false, errors: { name: 'Enter a name for the list.' } });
		expect(parseSmartListDefinition({ name: 'All', filters: {} })).toEqual({
			ok: false,
			errors: { form: 'Add a rule or at least one filter: a list without either would hold every account.' }
		});
		const bad = parseSmartListDefinition({ name: 'X', filters: { plan: ['platinum'], ownerId: 'me' } });
		expect(bad).toEqual({ ok: false, errors: { 'filters.plan': 'Choose plans from the list.', 'filters.ownerId': 'Choose an owner from the list.' } });
	});
});

describe('diffMembers', () => {
	it('gives who entered and who left, sorted; the same members give nothing', () => {
		expect(diffMembers(['b', 'a', 'c'], ['d', 'c', 'a'])).toEqual({ entered: ['d'], left: ['b'] });
		expect(diffMembers([], ['z', 'y'])).toEqual({ entered: ['y', 'z'], left: [] });
		expect(diffMembers(['a'], ['a'])).toEqual({ entered: [], left: [] });
	});
});

describe('smartListFromForm', () => {
	it('reads checkbox groups as lists and empty selects as no filter', () => {
		const form = new FormData();
		form.set('name', 'Silent customers');
		form.append('lifecycle', 'customer');
		form.append('plan', 'pro');
		form.append('plan', 'enterprise');
		form.set('ownerId', '');
		form.set('industry', '');
		form.set('rule', 'no(product_login) for 21d');
		const result = parseSmartListDefinition(smartListFromForm(form));
		expect(result).toMatchObject({ ok: true, definition: { filters: { lifecycle: ['customer'], plan: ['pro', 'enterprise'], size: [], ownerId: null, industry: null } } });
	});
});

describe('describeFilters', () => {
	it('names each filter in words, and an owner who left as a former member', () => {
		expect(describeFilters({ lifecycle: ['lead', 'prospect'], plan: [], size: ['11-50'], ownerId: 'u1', industry: 'Software' }, new Map([['u1', 'Ann Lee']]))).toEqual([
			'Stage: lead or prospect',
			'Size: 11-50 employees',
			'Owner: Ann Lee',
			'Industry: Software'
		]);
		expect(describeFilters({ lifecycle: [], plan: ['pro'], size: [], ownerId: 'gone', industry: null }, new Map())).toEqual(['Plan: pro', 'Owner: a former member']);
	});
});
