import { describe, expect, it } from 'vitest';
import { mergeInput, pickMergedValues } from './mergeFields';

const a = '0f6f1a52-1c53-4f3e-9b1e-2f1d2c3b4a50';
const b = '1f6f1a52-1c53-4f3e-9b1e-2f1d2c3b4a51';

describe('pickMergedValues', () => {
	const survivor = { firstName: 'Ana', lastName: 'Lopez', email: 'ana@acme.com', title: null, accountId: 'acc-1', lifecycle: 'lead', externalId: 'hs-1' };
	const loser = { firstName: 'Anna', lastName: 'López', email: 'ana.lopez@acme.com', title: 'CFO', accountId: 'acc-2', lifecycle: 'customer', externalId: null };

	it('takes each chosen field from its side and keeps the survivor’s value elsewhere', () => {
		const { values, choices } = pickMergedValues('contact', survivor, loser, { lastName: 'loser', lifecycle: 'loser' });
		expect(values).toMatchObject({ firstName: 'Ana', lastName: 'López', email: 'ana@acme.com', lifecycle: 'customer', externalId: 'hs-1' });
		expect(choices.firstName).toBe('survivor');
		expect(choices.lastName).toBe('loser');
	});

	it('fills a field the survivor lacks from the loser unless told to keep it empty', () => {
		expect(pickMergedValues('contact', survivor, loser, {}).values.title).toBe('CFO');
		expect(pickMergedValues('contact', survivor, loser, { title: 'survivor' }).values.title).toBeNull();
	});
});

describe('mergeInput', () => {
	it('refuses merging a record into itself and unknown fields', () => {
		expect(mergeInput('contact').safeParse({ survivorId: a, loserId: a }).success).toBe(false);
		expect(mergeInput('contact').safeParse({ survivorId: a, loserId: b, choices: { arr: 'loser' } }).success).toBe(false);
		expect(mergeInput('account').safeParse({ survivorId: a, loserId: b, choices: { arr: 'loser' } }).success).toBe(true);
		expect(mergeInput('account').safeParse({ survivorId: a, loserId: b, choices: { arr: 'both' } }).success).toBe(false);
	});
});
