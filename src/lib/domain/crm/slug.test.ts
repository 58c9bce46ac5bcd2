import { describe, expect, it } from 'vitest';
import { normalizeDomain, slugify } from './slug';

describe('slugify', () => {
	it('makes URL-safe slugs', () => {
		expect(slugify('Acme Corp. (EU)')).toBe('acme-corp-eu');
		expect(slugify('Café Société')).toBe('cafe-societe');
		expect(slugify('***')).toBe('workspace');
	});
});

describe('normalizeDomain', () => {
	it('treats URL forms of one domain as the same', () => {
		for (const v of ['https://www.acme.com/', 'acme.com', 'ACME.com', 'http://acme.com:8080/pricing?x=1', 'www.acme.com.']) {
			expect(normalizeDomain(v)).toBe('acme.com');
		}
	});
	it('keeps subdomains other than www', () => {
		expect(normalizeDomain('https://eu.acme.com')).toBe('eu.acme.com');
	});
});
