import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isValidDomain, isValidEmail, normalizeDomain, normalizeEmail } from './normalize';

const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?$/);
const domainArb = fc
	.tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.stringMatching(/^[a-z]{2,6}$/))
	.map(([labels, tld]) => [...labels, tld].join('.'))
	.filter((d) => !d.startsWith('www.'));

/** Ways the same domain shows up in exports: scheme, www, case, port, path, query, trailing dot. */
const dressedUp = fc
	.record({
		scheme: fc.constantFrom('', 'http://', 'https://', 'HTTPS://'),
		www: fc.boolean(),
		upper: fc.boolean(),
		port: fc.constantFrom('', ':443', ':8080'),
		path: fc.constantFrom('', '/', '/pricing', '/a/b?x=1', '?utm=1', '#top'),
		space: fc.constantFrom('', ' ', '\t')
	})
	.chain((decor) => domainArb.map((domain) => ({ domain, decor })));

describe('normalizeDomain', () => {
	it('treats the common spellings of one site as the same domain', () => {
		for (const v of ['https://www.acme.com/', 'acme.com', 'ACME.COM', 'http://acme.com:8080/pricing?x=1', 'www.acme.com.', ' acme.com ']) {
			expect(normalizeDomain(v)).toBe('acme.com');
		}
		expect(normalizeDomain('ann@Acme.com')).toBe('acme.com');
		expect(normalizeDomain('https://eu.acme.com')).toBe('eu.acme.com');
		expect(normalizeDomain('')).toBeNull();
		expect(normalizeDomain('https://')).toBeNull();
	});

	it('maps any dressed-up form of a domain to the domain itself', () => {
		fc.assert(
			fc.property(dressedUp, ({ domain, decor }) => {
				let text = `${decor.www ? 'www.' : ''}${domain}`;
				if (decor.upper) text = text.toUpperCase();
				text = `${decor.space}${decor.scheme}${text}${decor.port}${decor.path}${decor.space}`;
				expect(normalizeDomain(text)).toBe(domain);
			})
		);
	});

	it('gives its own normal form for inputs one pass used to leave half-done', () => {
		for (const text of ['$ .', 'a. .', 'http:// x.com', 'https://www. www.acme.com/', '@://']) {
			const once = normalizeDomain(text);
			expect(normalizeDomain(once), text).toBe(once);
		}
		expect(normalizeDomain('$ .')).toBe('$');
		expect(normalizeDomain('http:// x.com')).toBe('x.com');
	});

	it('is idempotent and its output is always lower case without scheme, www or path', () => {
		fc.assert(
			fc.property(fc.string(), (text) => {
				const once = normalizeDomain(text);
				expect(normalizeDomain(once)).toBe(once);
				if (once !== null) {
					expect(once).toBe(once.toLowerCase());
					expect(once).not.toMatch(/^www\.|:\/\/|[/?#]/);
				}
			})
		);
	});

	it('never merges two different domains', () => {
		fc.assert(
			fc.property(domainArb, domainArb, (a, b) => {
				fc.pre(a !== b);
				expect(normalizeDomain(`https://www.${a}/`)).not.toBe(normalizeDomain(b));
			})
		);
	});

	it('accepts real domains only', () => {
		expect(isValidDomain('acme.com')).toBe(true);
		expect(isValidDomain('eu.acme.co.uk')).toBe(true);
		expect(isValidDomain('acme')).toBe(false);
		expect(isValidDomain('acme .com')).toBe(false);
	});
});

describe('normalizeEmail', () => {
	it('lower-cases and strips mailto and display names', () => {
		expect(normalizeEmail('  Ann.Lee@Acme.COM ')).toBe('ann.lee@acme.com');
		expect(normalizeEmail('mailto:ann@acme.com')).toBe('ann@acme.com');
		expect(normalizeEmail('Ann Lee <Ann@Acme.com>')).toBe('ann@acme.com');
		expect(normalizeEmail('   ')).toBeNull();
	});

	it('is idempotent', () => {
		fc.assert(
			fc.property(fc.string(), (text) => {
				const once = normalizeEmail(text);
				expect(normalizeEmail(once)).toBe(once);
			})
		);
	});

	it('tells plausible addresses from typos', () => {
		expect(isValidEmail('ann@acme.com')).toBe(true);
		expect(isValidEmail('ann+crm@eu.acme.io')).toBe(true);
		for (const bad of ['ann@', 'ann.acme.com', 'ann@acme', 'ann @acme.com', 'ann@@acme.com', 'ann@acme..com']) {
			expect(isValidEmail(bad), bad).toBe(false);
		}
	});
});
