import { describe, expect, it } from 'vitest';
import { readForm } from '../forms/readForm';
import { accountInput, contactInput, dealInput } from './inputs';

const form = (fields: Record<string, string>) => {
	const f = new FormData();
	for (const [k, v] of Object.entries(fields)) f.set(k, v);
	return f;
};

describe('account form', () => {
	it('normalizes the domain and parses ARR written with separators', () => {
		const r = readForm(accountInput, form({ name: ' Acme ', domain: 'https://www.Acme.com/', lifecycle: 'customer', arr: '$12,000' }));
		expect(r).toMatchObject({ ok: true, data: { name: 'Acme', domain: 'acme.com', arr: 12000, plan: null, ownerId: null } });
	});

	it('says in plain words what is wrong with each field', () => {
		const r = readForm(accountInput, form({ name: '', domain: 'not a domain', lifecycle: 'zombie', arr: '12.5k' }));
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.errors).toEqual({
			name: 'Enter the account name.',
			domain: 'Enter a web domain, like acme.com.',
			lifecycle: 'Choose a lifecycle stage.',
			arr: 'Enter ARR as a whole number of dollars, like 12000.'
		});
		expect(r.values.domain).toBe('not a domain');
	});
});

describe('contact form', () => {
	it('rejects a malformed email and lower-cases a good one', () => {
		const bad = readForm(contactInput, form({ firstName: 'Ada', email: 'ada@', lifecycle: 'lead' }));
		expect(bad.ok || bad.errors.email).toMatch(/does not look right/);
		const good = readForm(contactInput, form({ firstName: 'Ada', email: 'Ada@Example.COM', lifecycle: 'lead' }));
		expect(good).toMatchObject({ ok: true, data: { email: 'ada@example.com', lastName: '' } });
	});
});

describe('deal form', () => {
	const base = { name: 'Pilot', accountId: '00000000-0000-4000-8000-000000000001', stage: 'proposal', openedOn: '2026-02-01' };
	it('refuses a close date before the open date and impossible dates', () => {
		const r = readForm(dealInput, form({ ...base, closeOn: '2026-01-01' }));
		expect(r.ok || r.errors.closeOn).toBe('The close date cannot be before the date the deal opened.');
		const r2 = readForm(dealInput, form({ ...base, openedOn: '2026-02-30' }));
		expect(r2.ok || r2.errors.openedOn).toMatch(/as a date/);
	});
	it('never echoes passwords', () => {
		const r = readForm(dealInput, form({ password: 'secret' }));
		expect(r.ok || r.values.password).toBeUndefined();
	});
});
