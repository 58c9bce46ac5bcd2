import { describe, expect, it } from 'vitest';
import { parseRule, type RuleError } from './parseRule';

function fail(source: string): RuleError {
	const result = parseRule(source);
	if (result.ok) throw new Error(`expected an error for: ${source}`);
	return result.error;
}

describe('parseRule: syntax errors', () => {
	it('names what was expected, after which word, and what was found', () => {
		expect(fail('count(pricing_visit) >= 3 within tomorrow')).toEqual({
			message: 'Line 1, column 34: expected a duration like 3d or 12h after "within", found "tomorrow".',
			line: 1,
			column: 34,
			expected: ['a duration like 3d or 12h']
		});
	});

	it('points at a missing parenthesis', () => {
		const error = fail('count pricing_visit >= 3 within 1d');
		expect(error.message).toBe('Line 1, column 7: expected "(" after "count", found "pricing_visit".');
		expect(error.expected).toEqual(['"("']);
	});

	it('says what may follow a complete condition', () => {
		const error = fail('lifecycle = customer plan = pro');
		expect(error.message).toBe(
			'Line 1, column 22: expected "and", "or" or the end of the rule after "customer", found "plan".'
		);
		expect(error.expected).toEqual(['"and"', '"or"', 'the end of the rule']);
	});

	it('reports the end of the rule when something is missing there', () => {
		const error = fail('count(product_login) >= 3 within 1d and');
		expect(error).toMatchObject({ line: 1, column: 40 });
		expect(error.message).toMatch(/after "and", found the end of the rule\.$/);
		expect(error.expected).toEqual([
			'an activity type like pricing_visit',
			'an attribute like lifecycle or contact.title',
			'"not"',
			'"("',
			'"count"',
			'"no"'
		]);
	});

	it('asks for a closing parenthesis', () => {
		expect(fail('(lifecycle = customer')).toMatchObject({
			message: 'Line 1, column 22: expected "and", "or" or ")" after "customer", found the end of the rule.',
			expected: ['"and"', '"or"', '")"']
		});
	});

	it('asks for "within" after a count', () => {
		expect(fail('count(pricing_visit) >= 3')).toMatchObject({
			column: 26,
			expected: ['"within"']
		});
		expect(fail('count(pricing_visit) >= 3 witin 1d').message).toBe(
			'Line 1, column 27: expected "within" after "3", found "witin".'
		);
	});

	it('asks for a comparison a count understands', () => {
		expect(fail('count(pricing_visit) != 3 within 1d')).toMatchObject({
			column: 22,
			expected: ['a comparison like >= or <']
		});
	});

	it('asks for a number of events', () => {
		expect(fail('count(pricing_visit) >= three within 1d')).toMatchObject({
			message: 'Line 1, column 25: expected a number after ">=", found "three".',
			expected: ['a number']
		});
	});

	it('asks for "for" after an absence and "then"/"where" after an event', () => {
		expect(fail('no(product_login) 21d').expected).toEqual(['"for"']);
		expect(fail('webinar_attended email_clicked within 3d').message).toBe(
			'Line 1, column 18: expected a comparison like =, ~ or >=, "where", "then" or "in" after "webinar_attended", found "email_clicked".'
		);
	});

	it('asks for a value, and for a list after "in"', () => {
		expect(fail('plan = ')).toMatchObject({
			column: 8,
			expected: ['a value (a word, a number or "quoted text")']
		});
		expect(fail('plan in pro')).toMatchObject({ column: 9, expected: ['a list like [pro, enterprise]'] });
		expect(fail('plan in [pro,]').message).toBe(
			'Line 1, column 14: expected a value (a word, a number or "quoted text") after ",", found "]".'
		);
		expect(fail('plan in [pro').expected).toEqual(['","', '"]"']);
	});

	it('refuses a keyword as a bare value, and an unclosed quote', () => {
		expect(fail('count(email_clicked where campaign = then) >= 1 within 1d')).toMatchObject({ column: 38 });
		expect(fail('count(email_clicked where campaign = "demo) >= 1 within 1d')).toMatchObject({
			column: 38,
			message: expect.stringContaining('found ""demo) >= 1 within 1d"')
		});
	});

	it('refuses durations without a unit or with a long unit', () => {
		expect(fail('no(product_login) for 21').message).toBe(
			'Line 1, column 23: expected a duration like 3d or 12h after "for", found "21".'
		);
		expect(fail('no(product_login) for 21days').expected).toEqual(['a duration like 3d or 12h']);
	});

	it('counts lines and columns across lines and comments', () => {
		const error = fail('# churn risk\nno(product_login) for 21d\n  and lifecycle = = customer');
		expect(error).toMatchObject({ line: 3, column: 19 });
		expect(error.message).toBe(
			'Line 3, column 19: expected a value (a word, a number or "quoted text") after "=", found "=".'
		);
	});

	it('explains an empty rule', () => {
		for (const source of ['', '   ', '# only a note\n']) {
			expect(fail(source).message).toMatch(/the rule is empty\. Write a condition such as count\(pricing_visit\) >= 3 within 1d\.$/);
		}
	});
});

describe('parseRule: meaning errors', () => {
	it('suggests the closest activity type', () => {
		const error = fail('count(pricing_vist) >= 3 within 1d');
		expect(error).toMatchObject({
			message: 'Line 1, column 7: "pricing_vist" is not an activity type. Did you mean "pricing_visit"?',
			line: 1,
			column: 7
		});
		expect(error.expected).toContain('pricing_visit');
		expect(fail('no(login) for 3d').message).toContain('Did you mean "product_login"?');
		expect(fail('webinar_attended then email_click within 3d')).toMatchObject({
			column: 23,
			message: expect.stringContaining('Did you mean "email_clicked"?')
		});
		expect(fail('no(Product_Login) for 3d').message).toContain('Did you mean "product_login"?');
	});

	it('refuses an unknown account attribute, and explains an activity type used as one', () => {
		expect(fail('lifecycle = customer and lifecyle = lead')).toMatchObject({
			line: 1,
			column: 26,
			message: expect.stringContaining('"lifecyle" is not an account attribute. Did you mean "lifecycle"?'),
			expected: ['lifecycle', 'plan', 'arr', 'industry', 'size']
		});
		expect(fail('pricing_visit = 3').message).toBe(
			'Line 1, column 1: "pricing_visit" is an activity type, not an account attribute: to test for it write count(pricing_visit) >= 1 within 30d.'
		);
	});

	it('refuses an unknown contact attribute', () => {
		expect(fail('contact.role = buyer')).toMatchObject({
			column: 9,
			message: expect.stringContaining('"contact.role" is not a contact attribute.'),
			expected: ['contact.lifecycle', 'contact.title']
		});
	});

	it('refuses zero, negative and fractional durations', () => {
		expect(fail('no(product_login) for 0d')).toMatchObject({
			message: 'Line 1, column 23: a duration must be longer than zero; found "0d".',
			column: 23
		});
		expect(fail('count(product_login) >= 1 within -3h').message).toContain('longer than zero; found "-3h"');
		expect(fail('no(product_login) for 1.5d').message).toContain('Write 36h instead.');
	});

	it('refuses counts that are not whole numbers of 0 or more', () => {
		expect(fail('count(product_login) >= 2.5 within 1d')).toMatchObject({
			message: 'Line 1, column 25: a count must be a whole number, 0 or more; found "2.5".',
			column: 25
		});
		expect(fail('count(product_login) > -1 within 1d').column).toBe(24);
	});

	it('refuses "in" with an empty list', () => {
		expect(fail('plan in []')).toMatchObject({ column: 6, message: expect.stringContaining('the list after "in" is empty') });
		expect(fail('count(web_visit where page in [ ]) >= 1 within 1d').column).toBe(28);
	});

	it('refuses values outside a vocabulary and comparisons that make no sense for it', () => {
		expect(fail('plan = gold')).toMatchObject({
			column: 8,
			message: expect.stringContaining('"gold" is not a plan.'),
			expected: ['free', 'starter', 'pro', 'enterprise']
		});
		expect(fail('lifecycle in [customer, client]').column).toBe(25);
		expect(fail('contact.lifecycle = lead2').message).toContain('Did you mean "lead"?');
		expect(fail('count(web_visit where department = finance) >= 1 within 1d').message).toContain('not a department');
		expect(fail('plan > pro').message).toContain('plan is compared with =, != or in');
		expect(fail('arr >= lots').message).toContain('arr is a number');
	});

	it('refuses ARR past the largest amount we store (it was described as "more than 1e+23")', () => {
		expect(fail('arr > 99999999999999999999999')).toMatchObject({
			column: 7,
			message: 'Line 1, column 7: arr is at most 2,000,000,000, the largest amount we store; use a smaller number.'
		});
		expect(fail('arr in [1, -2000000001]').column).toBe(12);
		expect(parseRule('arr >= 2000000000 or arr > -2000000000').ok).toBe(true);
	});

	it('refuses the NUL character, saying where it is (PostgreSQL text cannot hold it)', () => {
		expect(fail('count(ticket_opened where subject ~ "a\u0000b") >= 1 within 30d')).toEqual({
			message: 'Line 1, column 39: quoted text in a rule cannot contain the NUL character (an invisible control character, usually pasted by accident); remove it.',
			line: 1,
			column: 39,
			expected: []
		});
		expect(fail("contact.title ~ '\u0000'").message).toMatch(/^Line 1, column 18: quoted text in a rule cannot/);
		expect(fail('lifecycle = customer # a\u0000\nand plan = pro')).toMatchObject({ line: 1, column: 25, message: expect.stringContaining(': a rule cannot contain the NUL character') });
		expect(fail('lifecycle = \u0000').message).toMatch(/^Line 1, column 13: a rule cannot contain the NUL character/);
	});

	it('refuses ordering comparisons on words', () => {
		expect(fail('count(ticket_opened where priority > high) >= 1 within 1d')).toMatchObject({
			column: 38,
			message: expect.stringContaining('">" compares numbers, but "high" is not a number.')
		});
	});

	it('reports the first problem in the text', () => {
		expect(fail('no(logn) for 0d').column).toBe(4);
	});
});
