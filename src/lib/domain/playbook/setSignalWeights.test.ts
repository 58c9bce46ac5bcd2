import { describe, expect, it } from 'vitest';
import { setSignalWeights } from './setSignalWeights';
import { listSignals } from './signalBlock';

const body = [
	'Buying signals.',
	'',
	'```signal',
	'id: pricing-binge',
	'name: Pricing binge',
	'family: buying',
	'status: stable',
	'means: Evaluating',
	'action: Offer a demo',
	'rule: count(pricing_visit) >= 3 within 1d',
	'weight: 20',
	'```',
	'',
	'```signal',
	'id: demo-request',
	'name: Demo request',
	'family: buying',
	'status: stable',
	'means: Wants a demo',
	'action: Book it',
	'rule: count(demo_requested) >= 1 within 30d',
	'```',
	'',
	'```signal',
	'id: quiet',
	'name: Quiet',
	'family: churn-risk',
	'status: stable',
	'means: Gone quiet',
	'action: Call them',
	'rule: no(product_login) for 21d',
	'weight: -10 # risk',
	'```'
].join('\n');

describe('setSignalWeights', () => {
	it('changes the weight lines it is asked to, adds a missing one, and keeps every other line', () => {
		const doc = { sections: [{ slug: 'buying', title: 'Buying', body }] };
		const next = setSignalWeights(doc, { 'pricing-binge': 35, 'demo-request': 12.4, quiet: -25 });
		const weights = Object.fromEntries(listSignals(next).signals.map((s) => [s.id, s.weight]));
		expect(weights).toEqual({ 'pricing-binge': 35, 'demo-request': 12, quiet: -25 });
		const before = body.split('\n');
		const after = next.sections[0].body.split('\n');
		expect(after).toHaveLength(before.length + 1);
		expect(after.filter((l) => !l.startsWith('weight')).join('\n')).toBe(before.filter((l) => !l.startsWith('weight')).join('\n'));
	});

	it('leaves signals it is not asked about, and sections without signals, as they are', () => {
		const doc = { sections: [{ slug: 'buying', title: 'Buying', body }, { slug: 'intro', title: 'Intro', body: 'Hello' }] };
		const next = setSignalWeights(doc, { quiet: -5 });
		expect(next.sections[1]).toBe(doc.sections[1]);
		expect(listSignals(next).signals.map((s) => s.weight)).toEqual([20, 0, -5]);
	});
});
