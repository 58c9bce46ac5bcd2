import { describe, expect, it } from 'vitest';
import { describeRuleChange, tokenizeRule } from './ruleChanges';

describe('describeRuleChange', () => {
	it('names threshold and window changes at the same position', () => {
		expect(describeRuleChange('count(pricing_visit) >= 3 within 1d', 'count(pricing_visit) >= 2 within 2d')).toEqual([
			'threshold 3 → 2',
			'window 1d → 2d'
		]);
		expect(describeRuleChange('no(login) within 21 days', 'no(login) within 14 days')).toEqual(['window 21 days → 14 days']);
		expect(describeRuleChange('score(x, 10) > 5', 'score(x, 12) > 5')).toEqual(['number 10 → 12']);
	});

	it('falls back to "rule changed" when words or shape differ', () => {
		expect(describeRuleChange('count(a) >= 3 within 1d', 'count(b) >= 3 within 1d')).toEqual([
			'rule changed: count(a) >= 3 within 1d → count(b) >= 3 within 1d'
		]);
		expect(describeRuleChange('count(a) >= 3', 'count(a) >= 3 within 1d')[0]).toMatch(/^rule changed: /);
		expect(describeRuleChange('count(a) >= 3 within 1d', 'count(a) >= 3 within 3')[0]).toMatch(/^rule changed: /);
	});

	it('says nothing for equal rules and notices layout-only changes', () => {
		expect(describeRuleChange('a >= 1', 'a >= 1')).toEqual([]);
		expect(describeRuleChange('a >= 1\nwithin 1d', 'a >= 1 within 1d')).toEqual(['rule layout changed (same words)']);
	});

	it('cuts long rules short', () => {
		const long = `count(x) >= 1 and ${'y '.repeat(60)}`;
		expect(describeRuleChange(long, 'z')[0].length).toBeLessThan(200);
	});

	it('tokenizes strings, operators and durations', () => {
		expect(tokenizeRule('tag("a b") != 3 within 2w').map((t) => t.kind)).toEqual([
			'word',
			'other',
			'string',
			'other',
			'operator',
			'number',
			'word',
			'duration'
		]);
	});
});
