import { describe, expect, it } from 'vitest';
import { parseRule } from './parseRule';
import { RULE_LANGUAGE_HELP } from './ruleLanguageHelp';

describe('RULE_LANGUAGE_HELP', () => {
	it('gives examples that the parser accepts', () => {
		const rows = RULE_LANGUAGE_HELP.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| to say'));
		const examples = rows.flatMap((row) => [...row.split('|')[3].matchAll(/`([^`]+)`/g)].map((m) => m[1]));
		expect(examples.length).toBeGreaterThanOrEqual(8);
		for (const example of examples) expect(parseRule(example).ok, example).toBe(true);
	});

	it('ends with a multi-line example that parses', () => {
		const block = /```\n([\s\S]*?)```/.exec(RULE_LANGUAGE_HELP)?.[1] ?? '';
		expect(block).toContain('\n  and');
		expect(parseRule(block).ok).toBe(true);
	});
});
