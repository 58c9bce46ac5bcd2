import { describe, expect, it } from 'vitest';
import { isPlausibleEmail } from './emailPattern';

describe('isPlausibleEmail', () => {
	it.each(['ana@acme.com', 'ana.lopez+crm@mail.acme.co.uk', "o'neil@example.io", 'A@B-C.ORG'])('accepts %s', (e) => {
		expect(isPlausibleEmail(e)).toBe(true);
	});
	it.each(['ana', 'ana@', '@acme.com', 'ana@acme', 'ana@@acme.com', 'ana @acme.com', 'ana@acme.c0m', 'ana@-acme.com', 'ana..b@acme.com'])(
		'refuses %s',
		(e) => {
			expect(isPlausibleEmail(e)).toBe(false);
		}
	);
});
