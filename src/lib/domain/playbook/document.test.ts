import { describe, expect, it } from 'vitest';
import { documentsEqual, isValidSlug, slugFromTitle, uniqueSlug, validateDocument } from './document';

describe('slugs', () => {
	it('accepts lower-case words joined by single hyphens only', () => {
		for (const ok of ['a', 'buying-signals', 'x1-2024']) expect(isValidSlug(ok), ok).toBe(true);
		for (const bad of ['', 'A', 'two  words', '-a', 'a-', 'a--b', 'a_b', 'é', 'a/b', 'x'.repeat(61)]) expect(isValidSlug(bad), bad).toBe(false);
	});

	it('makes slugs from titles and keeps them unique', () => {
		expect(slugFromTitle('Churn risk: early signs')).toBe('churn-risk-early-signs');
		expect(slugFromTitle('Café ☕')).toBe('cafe');
		expect(slugFromTitle('☕')).toBe('section');
		expect(uniqueSlug('Pricing', ['pricing', 'pricing-2'])).toBe('pricing-3');
		expect(uniqueSlug('x'.repeat(80), ['x'.repeat(60)])).toBe(`${'x'.repeat(58)}-2`);
	});
});

describe('validateDocument', () => {
	it('accepts a sound document', () => {
		expect(validateDocument({ sections: [{ slug: 'a', title: 'A', body: '' }, { slug: 'b', title: 'B', body: 'x' }] })).toEqual([]);
	});

	it('explains duplicate and unsafe slugs and bad titles', () => {
		const problems = validateDocument({
			sections: [
				{ slug: 'intro', title: 'Intro', body: '' },
				{ slug: 'intro', title: 'Again', body: '' },
				{ slug: 'Bad Slug', title: '', body: '' },
				{ slug: 'ok', title: 'Two\nlines', body: '' },
				{ slug: 'pad', title: ' padded ', body: '' }
			]
		});
		expect(problems.map((p) => [p.index, p.field, p.message])).toEqual([
			[1, 'slug', "Section 2 ('Again'): the slug 'intro' is already used by section 1; slugs must be unique."],
			[2, 'slug', "Section 3 ('Bad Slug'): the slug 'Bad Slug' may only use lower-case letters, digits and single hyphens (like 'bad-slug')."],
			[2, 'title', "Section 3 ('Bad Slug'): the title is empty; give the section a short name."],
			[3, 'title', "Section 4 ('Two\nlines'): the title has a line break; keep it on one line."],
			[4, 'title', "Section 5 ('padded'): the title starts or ends with spaces; remove them."]
		]);
	});
});

describe('documentsEqual', () => {
	it('compares order and text', () => {
		const a = { sections: [{ slug: 'a', title: 'A', body: 'x' }, { slug: 'b', title: 'B', body: '' }] };
		expect(documentsEqual(a, structuredClone(a))).toBe(true);
		expect(documentsEqual(a, { sections: [...a.sections].reverse() })).toBe(false);
		expect(documentsEqual(a, { sections: [a.sections[0], { ...a.sections[1], body: '\n' }] })).toBe(false);
	});
});
