import { describe, expect, it } from 'vitest';
import { readForm } from '../forms/readForm';
import { accountInput, contactInput, dealInput, taskInput } from './inputs';
import { activityInput } from './activityInput';

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

	it('refuses ARR past the largest amount we store, as the API and CSV import do (10 digits reached the integer column: 500)', () => {
		for (const arr of ['9999999999', '2,000,000,001', '99999999999999999999999']) {
			const r = readForm(accountInput, form({ name: 'Acme', lifecycle: 'customer', arr }));
			expect(r.ok || r.errors.arr, arr).toBe('ARR is too large: we store amounts up to 2,000,000,000.');
		}
		expect(readForm(accountInput, form({ name: 'Acme', lifecycle: 'customer', arr: '$2,000,000,000' }))).toMatchObject({ ok: true, data: { arr: 2_000_000_000 } });
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
		expect(r2.ok || r2.errors.openedOn).toBe('Enter the date the deal opened as a real date between 1900 and 2999, like 2026-03-31.');
	});
	it('refuses an amount past the largest we store', () => {
		const r = readForm(dealInput, form({ ...base, amount: '9999999999' }));
		expect(r.ok || r.errors.amount).toBe('The amount is too large: we store amounts up to 2,000,000,000.');
	});
	it('refuses years PostgreSQL cannot store (0000) or that run past 2999', () => {
		for (const openedOn of ['0000-01-01', '1899-12-31', '3000-01-01', '9999-12-31']) {
			const r = readForm(dealInput, form({ ...base, openedOn }));
			expect(r.ok || r.errors.openedOn, openedOn).toBe('Enter the date the deal opened as a real date between 1900 and 2999, like 2026-03-31.');
		}
		const close = readForm(dealInput, form({ ...base, closeOn: '9999-12-31' }));
		expect(close.ok || close.errors.closeOn).toBe('Enter the close date as a real date between 1900 and 2999, like 2026-03-31.');
		expect(readForm(dealInput, form({ ...base, openedOn: '1900-01-01', closeOn: '2999-12-31' })).ok).toBe(true);
	});
	it('never echoes passwords', () => {
		const r = readForm(dealInput, form({ password: 'secret' }));
		expect(r.ok || r.values.password).toBeUndefined();
	});
});

describe('task form', () => {
	it('refuses a due date out of range', () => {
		const r = readForm(taskInput, form({ title: 'Call back', dueOn: '0000-01-01' }));
		expect(r.ok || r.errors.dueOn).toBe('Enter the due date as a real date between 1900 and 2999, like 2026-03-31.');
		expect(readForm(taskInput, form({ title: 'Call back', dueOn: '2026-04-01' })).ok).toBe(true);
	});
});

describe('activity form', () => {
	const base = { type: 'call_logged', summary: 'Talked pricing' };
	it('reads when it happened, or leaves it empty for now', () => {
		expect(readForm(activityInput, form({ ...base, occurredAt: '2026-03-31T14:30' }))).toMatchObject({ ok: true, data: { occurredAt: '2026-03-31T14:30' } });
		expect(readForm(activityInput, form(base))).toMatchObject({ ok: true, data: { occurredAt: null } });
	});
	it('refuses days that do not exist instead of rolling them over, and years out of range', () => {
		for (const occurredAt of ['2026-02-30T10:00', '0000-01-01T00:00', '9999-12-31T10:00', '2026-03-31T25:00', '2026-03-31']) {
			const r = readForm(activityInput, form({ ...base, occurredAt }));
			expect(r.ok || r.errors.occurredAt, occurredAt).toBe('Enter when it happened as a real date and time between 1900 and 2999, like 2026-03-31 14:30.');
		}
	});
});
