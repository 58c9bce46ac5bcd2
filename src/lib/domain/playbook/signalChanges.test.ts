import { describe, expect, it } from 'vitest';
import { listRuleChanges } from './signalChanges';
import type { PlaybookDocument } from './document';

function signal(id: string, rule: string, name = `Signal ${id}`): string {
	return ['```signal', `id: ${id}`, `name: ${name}`, 'family: buying', 'status: stable', `rule: ${rule}`, 'means: Interest.', 'action: Call.', 'weight: 5', '```', ''].join('\n');
}
const doc = (...bodies: string[]): PlaybookDocument => ({ sections: bodies.map((body, i) => ({ slug: `s${i}`, title: `S${i}`, body })) });

describe('listRuleChanges', () => {
	it('lists rewritten, added and removed rules, not unchanged or re-spaced ones', () => {
		const before = doc(signal('a', 'count(pricing_visit) >= 3 within 1d') + signal('b', 'no(product_login) for 21d'), signal('gone', 'count(web_visit) >= 1 within 1d') + signal('same', 'count(web_visit)  >= 2 within 1d'));
		const after = doc(signal('a', 'count(pricing_visit) >= 2 within 1d', 'Pricing again') + signal('b', 'no(product_login) for 21d'), signal('new', 'count(demo_requested) >= 1 within 7d') + signal('same', 'count(web_visit) >= 2 within 1d'));
		expect(listRuleChanges(before, after)).toEqual([
			{ id: 'a', name: 'Pricing again', before: 'count(pricing_visit) >= 3 within 1d', after: 'count(pricing_visit) >= 2 within 1d' },
			{ id: 'new', name: 'Signal new', before: null, after: 'count(demo_requested) >= 1 within 7d' },
			{ id: 'gone', name: 'Signal gone', before: 'count(web_visit) >= 1 within 1d', after: null }
		]);
	});
});
