import { describe, expect, it } from 'vitest';
import { parse } from './ruleParser.generated.js';
import { parseRule } from './parseRule';
import { MAX_RULE_DEPTH, MAX_RULE_PARTS, measureRule } from './ruleSize';

const LEAF = 'lifecycle = customer';
const nots = (n: number, leaf = LEAF) => 'not '.repeat(n) + leaf;
const ors = (n: number, leaf = LEAF) => Array.from({ length: n }, () => leaf).join(' or ');
const message = (source: string) => {
	const result = parseRule(source);
	return result.ok ? null : result.error.message;
};

describe('measureRule', () => {
	it('counts levels of and, or and not, not parentheses', () => {
		expect(measureRule(parse(LEAF))).toMatchObject({ depth: 0, parts: 1 });
		expect(measureRule(parse(nots(3)))).toMatchObject({ depth: 3, parts: 4 });
		expect(measureRule(parse('('.repeat(400) + LEAF + ')'.repeat(400)))).toMatchObject({ depth: 0, parts: 1 });
		expect(measureRule(parse(ors(5)))).toMatchObject({ depth: 1, parts: 6 });
		expect(measureRule(parse(`plan = pro and (${LEAF} or not (arr > 5 and size = 200))`))).toMatchObject({ depth: 4, parts: 8 });
	});

	it('measures a rule nested thousands deep without overflowing the stack', () => {
		expect(measureRule(parse(nots(2000))).depth).toBe(2000);
	});
});

describe('parseRule: rules too big to run', () => {
	it('refuses a rule nested deeper than the limit, as a rule error (90 nots gave a 500)', () => {
		expect(parseRule(nots(90))).toEqual({
			ok: false,
			error: {
				message: `Line 1, column 1: this rule nests 90 levels deep (and, or and not inside one another); rules can nest at most ${MAX_RULE_DEPTH}. Simplify it, for example by removing double nots.`,
				line: 1,
				column: 1,
				expected: []
			}
		});
		expect(parseRule(nots(MAX_RULE_DEPTH)).ok).toBe(true);
		expect(message(nots(MAX_RULE_DEPTH + 1))).toContain(`nests ${MAX_RULE_DEPTH + 1} levels deep`);
		let alternating = LEAF;
		for (let i = 0; i < 30; i++) alternating = `${LEAF} ${i % 2 ? 'and' : 'or'} (${alternating})`;
		expect(message(`# deep\n  ${alternating}`)).toMatch(/^Line 2, column 3: this rule nests 30 levels deep/);
	});

	it('keeps accepting redundant parentheses, which cost nothing', () => {
		expect(parseRule('('.repeat(400) + LEAF + ')'.repeat(400)).ok).toBe(true);
	});

	it('refuses a rule with more parts than the limit', () => {
		expect(parseRule(ors(MAX_RULE_PARTS - 1)).ok).toBe(true);
		expect(message(ors(150, 'count(web_visit) >= 1 within 30d'))).toBe(
			`Line 1, column 1: this rule has 151 parts (conditions, and/or groups and nots); rules can have at most ${MAX_RULE_PARTS}. Simplify it, or split it into several signals.`
		);
	});

	it('answers nesting too deep for the parser itself with a message, not a stack overflow', () => {
		expect(message('('.repeat(20_000) + LEAF + ')'.repeat(20_000))).toMatch(/^Line 1, column 1: this rule nests too deeply to read .* rules can nest at most \d+\. Simplify it\.$/);
		expect(message(nots(20_000))).toMatch(/nests too deeply to read/);
	});
});
