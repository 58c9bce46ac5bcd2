import { expect, it } from 'vitest';
import { searchPlaybook } from './searchPlaybook';

const doc = {
	sections: [
		{ slug: 'churn', title: 'Churn risk signals', body: 'No login for three weeks is a churn risk.\nCall them.' },
		{ slug: 'buying', title: 'Buying signals', body: 'Pricing page visits. A demo offer.' },
		{ slug: 'templates', title: 'Templates', body: 'Demo offer template. Churn check-in template.' }
	]
};

it('finds sections containing every word, title matches first, with a snippet', () => {
	const hits = searchPlaybook(doc, 'Churn');
	expect(hits.map((h) => h.slug)).toEqual(['churn', 'templates']);
	expect(hits[0].snippet).toContain('churn risk');
	expect(searchPlaybook(doc, 'demo offer').map((h) => h.slug).sort()).toEqual(['buying', 'templates']);
	expect(searchPlaybook(doc, 'demo nothing-like-this')).toEqual([]);
	expect(searchPlaybook(doc, '  ')).toEqual([]);
});
