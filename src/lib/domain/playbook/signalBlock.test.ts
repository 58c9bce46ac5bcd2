import { describe, expect, it } from 'vitest';
import { extractSignals, listSignals, readSignalSource } from './signalBlock';

const PRICING = [
	'```signal',
	'id: pricing-page-repeat',
	'name: Pricing page viewed repeatedly',
	'family: buying            # buying | churn-risk | upsell | support-gap',
	'status: stable            # draft | experimental | stable | retired',
	'rule: count(pricing_visit) >= 3 within 1d',
	'means: The account is evaluating a purchase.',
	'action: Offer a demo within one working day (template: demo-offer).',
	'notify: [sales]',
	'weight: 15',
	'```'
].join('\n');

function block(lines: string[]): string {
	return ['```signal', ...lines, '```'].join('\n');
}

const BASE_FIELDS = [
	'id: quiet-customer',
	'name: Quiet customer',
	'family: churn-risk',
	'status: experimental',
	'rule: no(login) within 21d',
	'means: The customer is drifting away.',
	'action: Success reaches out this week.'
];

describe('extractSignals', () => {
	it('reads the example block from the playbook guide', () => {
		const body = `# Buying\n\nSome intro.\n\n${PRICING}\n\nAfter.\n`;
		const { signals, problems } = extractSignals(body);
		expect(problems).toEqual([]);
		expect(signals).toEqual([
			{
				id: 'pricing-page-repeat',
				name: 'Pricing page viewed repeatedly',
				family: 'buying',
				status: 'stable',
				rule: 'count(pricing_visit) >= 3 within 1d',
				means: 'The account is evaluating a purchase.',
				action: 'Offer a demo within one working day (template: demo-offer).',
				notify: ['sales'],
				weight: 15,
				line: 5,
				ruleLine: 10
			}
		]);
	});

	it('takes prose as written, colons and hashes included, and joins continuation lines', () => {
		const body = block([
			...BASE_FIELDS.filter((l) => !l.startsWith('means')),
			'means: Ticket #3 says: "we are leaving"',
			'  and nobody answered.'
		]);
		const { signals, problems } = extractSignals(body);
		expect(problems).toEqual([]);
		expect(signals[0].means).toBe('Ticket #3 says: "we are leaving" and nobody answered.');
	});

	it('takes prose that starts like YAML syntax as written, but keeps quoted strings and block scalars', () => {
		const body = block([
			...BASE_FIELDS.filter((l) => !/^(name|means|action)/.test(l)),
			'name: "Quiet" customer',
			'means: *Important*: no logins & [no] replies',
			"action: 'Call them' # a comment",
			'template: check-in'
		]);
		const { signals, problems } = extractSignals(body);
		expect(problems).toEqual([]);
		expect(signals[0]).toMatchObject({ name: '"Quiet" customer', means: '*Important*: no logins & [no] replies', action: 'Call them' });
		const folded = extractSignals(block([...BASE_FIELDS.filter((l) => !l.startsWith('means')), 'means: >-', '  one', '  two']));
		expect(folded.signals[0].means).toBe('one two');
	});

	it('accepts a multi-line rule as a block scalar and points at its first line', () => {
		const body = block([...BASE_FIELDS.filter((l) => !l.startsWith('rule')), 'rule: |', '  no(login) within 10d', '  and no(reply) within 10d']);
		const { signals, problems } = extractSignals(body);
		expect(problems).toEqual([]);
		expect(signals[0].rule).toBe('no(login) within 10d\nand no(reply) within 10d');
		expect(signals[0].ruleLine).toBe(9);
	});

	it('fills defaults: weight 0, notify empty; accepts notify as a comma list', () => {
		expect(extractSignals(block(BASE_FIELDS)).signals[0]).toMatchObject({ weight: 0, notify: [] });
		const withNotify = extractSignals(block([...BASE_FIELDS, 'notify: success, support']));
		expect(withNotify.signals[0].notify).toEqual(['success', 'support']);
		const asList = extractSignals(block([...BASE_FIELDS, 'notify:', '  - success', '  - sales', 'template: check-in']));
		expect(asList.signals[0]).toMatchObject({ notify: ['success', 'sales'], template: 'check-in' });
	});

	it('reads the automation fields: alert, task and decay, normalized', () => {
		const { signals, problems } = extractSignals(block([...BASE_FIELDS, 'alert: Yes', 'task: Owner  in 2d', 'decay: 30d']));
		expect(problems).toEqual([]);
		expect(signals[0]).toMatchObject({ alert: 'yes', task: 'owner in 2d', decay: '30d' });
		expect(extractSignals(block([...BASE_FIELDS, 'task: success in 14d'])).signals[0].task).toBe('success in 14d');
		const plain = extractSignals(block(BASE_FIELDS)).signals[0];
		expect([plain.alert, plain.task, plain.decay]).toEqual([undefined, undefined, undefined]);
	});

	it('explains wrong automation fields in plain words', () => {
		const messages = extractSignals(block([...BASE_FIELDS, 'alert: maybe', 'task: finance in 2d', 'decay: soon'])).problems.map((p) => p.message);
		expect(messages).toEqual([
			"Signal 'quiet-customer' (line 9): alert is 'maybe'; write 'alert: yes' or 'alert: no'.",
			"Signal 'quiet-customer' (line 10): task is 'finance in 2d'; write who and when, like 'owner in 2d' (the account owner) or 'success in 3d' (a department: sales, marketing, success, support, product or revops), at most 365d.",
			"Signal 'quiet-customer' (line 11): decay is 'soon'; write the half-life of the weight as days or weeks, like '30d' or '6w'."
		]);
	});

	it('explains a department that does not exist, with the line in the body', () => {
		const body = `intro\n\n${block([...BASE_FIELDS, 'notify: [sales, finance]'])}\n`;
		const { signals, problems } = extractSignals(body);
		expect(signals).toEqual([]);
		expect(problems).toEqual([
			{
				line: 11,
				signalId: 'quiet-customer',
				message:
					"Signal 'quiet-customer' (line 11): notify lists 'finance', which is not a department; use sales, marketing, success, support, product or revops."
			}
		]);
	});

	it('explains missing and wrong fields in plain words', () => {
		const body = block(['id: Not Kebab', 'name: x', 'family: buyng', 'status: stable', 'rule: r', 'means: m', 'weight: 200', 'notfy: [sales]']);
		const messages = extractSignals(body).problems.map((p) => p.message);
		expect(messages).toEqual([
			"Signal block (line 1): action is missing; add a line like 'action: Offer a demo within one working day'.",
			"Signal block (line 2): id 'Not Kebab' should be lower-case words joined by hyphens, like 'pricing-page-repeat'.",
			"Signal block (line 4): family is 'buyng', which is not a family; use buying, churn-risk, upsell or support-gap.",
			'Signal block (line 8): weight 200 is above 100; use a number from -100 to 100.',
			"Signal block (line 9): unknown field 'notfy'; the fields are id, name, family, status, rule, means, action, notify, weight, template, alert, task, decay.",
		]);
	});

	it('rejects weights that are not whole numbers', () => {
		for (const w of ['1.5', 'ten', '0x10', '[1]']) {
			const { problems } = extractSignals(block([...BASE_FIELDS, `weight: ${w}`]));
			expect(problems).toHaveLength(1);
			expect(problems[0].message).toContain('weight');
		}
		expect(extractSignals(block([...BASE_FIELDS, 'weight: -100'])).signals[0].weight).toBe(-100);
	});

	it('reports YAML that cannot be read, duplicate fields and unclosed blocks', () => {
		const broken = extractSignals(block([...BASE_FIELDS, 'rule: a: b']));
		expect(broken.problems[0].message).toMatch(/^Signal block \(line \d+\): /);
		const twice = extractSignals(block([...BASE_FIELDS, 'name: again']));
		expect(twice.problems[0].message).toContain('a field is written twice');
		const open = extractSignals(['text', '```signal', ...BASE_FIELDS].join('\n'));
		expect(open.signals).toEqual([]);
		expect(open.problems[0]).toMatchObject({ line: 2, message: "Signal 'quiet-customer' (line 2): the block is not closed; add a line with ``` after it." });
		expect(extractSignals('```signal\n```').problems[0].message).toContain('empty');
		expect(extractSignals(block(['- a', '- b'])).problems[0].message).toContain('"field: value" lines');
	});

	it('ignores other code blocks, and signal fences shown inside longer fences', () => {
		const body = ['````markdown', '```signal', 'id: not-real', '```', '````', '', '~~~yaml', 'id: x', '~~~'].join('\n');
		expect(extractSignals(body)).toEqual({ signals: [], problems: [] });
	});

	it('reads CRLF bodies and tilde fences with an info string', () => {
		const body = ['~~~ signal extra', ...BASE_FIELDS, '~~~', ''].join('\r\n');
		expect(extractSignals(body).signals[0].id).toBe('quiet-customer');
	});

	it('does not trip over field names that are Object.prototype keys', () => {
		const { problems } = extractSignals(block([...BASE_FIELDS, '__proto__: x', 'constructor: y']));
		expect(problems.map((p) => p.message.replace(/;.*/, ''))).toEqual([
			"Signal 'quiet-customer' (line 9): unknown field '__proto__'",
			"Signal 'quiet-customer' (line 10): unknown field 'constructor'"
		]);
	});

	it('refuses YAML aliases', () => {
		const body = block(['id: &a quiet-customer', ...BASE_FIELDS.slice(1), 'template: *a']);
		expect(extractSignals(body).problems[0].message).toContain('alias');
	});

	it('checks the rule with a plugged-in parser and points at the rule line', () => {
		const checkRule = (rule: string) => (rule.includes('login') ? { message: 'unknown event login', line: 1 } : null);
		const { signals, problems } = extractSignals(`x\n${block(BASE_FIELDS)}`, { checkRule });
		expect(signals).toEqual([]);
		expect(problems[0].message).toBe("Signal 'quiet-customer' (line 7): the rule could not be read: unknown event login.");
	});

	it('reports an id used twice in one body', () => {
		const { signals, problems } = extractSignals(`${block(BASE_FIELDS)}\n\n${block(BASE_FIELDS)}`);
		expect(signals).toHaveLength(1);
		expect(problems[0].message).toContain('already used by the signal at line 1');
	});
});

describe('listSignals', () => {
	it('keeps ids unique across sections', () => {
		const doc = {
			sections: [
				{ slug: 'churn', title: 'Churn', body: block(BASE_FIELDS) },
				{ slug: 'buying', title: 'Buying', body: `${PRICING}\n\n${block(BASE_FIELDS)}` }
			]
		};
		const { signals, problems } = listSignals(doc);
		expect(signals.map((s) => [s.sectionSlug, s.id])).toEqual([
			['churn', 'quiet-customer'],
			['buying', 'pricing-page-repeat']
		]);
		expect(problems).toEqual([
			{
				line: 13,
				signalId: 'quiet-customer',
				sectionSlug: 'buying',
				message: "Signal 'quiet-customer' (line 13): the id 'quiet-customer' is already used in section 'churn' (line 1); ids must be unique across the playbook."
			}
		]);
	});
});

describe('readSignalSource', () => {
	it('keeps the raw fields and the id even when the block is invalid', () => {
		const reading = readSignalSource('id: a-b\nweight: lots\n');
		expect(reading.id).toBe('a-b');
		expect(reading.signal).toBeNull();
		expect(reading.fields?.get('weight')).toEqual({ value: 'lots', line: 2 });
	});
});
