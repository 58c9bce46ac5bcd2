import { readFileSync } from 'node:fs';
import { generate } from 'peggy';
import { describe, expect, it } from 'vitest';

const here = (name: string) => new URL(name, import.meta.url);

describe('ruleParser.generated.js', () => {
	it('is what `npm run gen:rules` makes from ruleGrammar.peggy (run it after editing the grammar)', () => {
		const grammar = readFileSync(here('./ruleGrammar.peggy'), 'utf8');
		const committed = readFileSync(here('./ruleParser.generated.js'), 'utf8');
		const fresh = generate(grammar, { output: 'source', format: 'es' });
		expect(committed === fresh, 'ruleParser.generated.js is stale: run npm run gen:rules').toBe(true);
	});

	it('gen:rules makes an ES module with the same options the check uses', () => {
		const pkg = JSON.parse(readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8'));
		expect(pkg.scripts['gen:rules']).toBe(
			'peggy --format es -o src/lib/domain/signals/ruleParser.generated.js src/lib/domain/signals/ruleGrammar.peggy'
		);
	});
});
