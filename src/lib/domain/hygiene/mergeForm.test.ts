import { describe, expect, it } from 'vitest';
import { readMergeForm } from './mergeForm';

const a = '0f6f1a52-1c53-4f3e-9b1e-2f1d2c3b4a50';
const b = '1f6f1a52-1c53-4f3e-9b1e-2f1d2c3b4a51';

describe('readMergeForm', () => {
	it('turns "keep b, take a’s title" into survivor b with the loser’s title', () => {
		const read = readMergeForm('contact', { a, b, keep: 'b', 'field.title': 'a', 'field.email': 'b' });
		expect(read).toEqual({ ok: true, data: { survivorId: b, loserId: a, choices: { title: 'loser', email: 'survivor' } } });
	});
	it('says what is missing or wrong', () => {
		expect(readMergeForm('contact', { a, b })).toMatchObject({ ok: false, message: 'Choose which record to keep.' });
		expect(readMergeForm('account', { a, b, keep: 'a', 'field.arr': 'c' })).toMatchObject({ ok: false, message: 'Choose whose arr to keep.' });
		expect(readMergeForm('account', { a, b: 'nope', keep: 'a' })).toMatchObject({ ok: false });
		expect(readMergeForm('account', { a, b: a, keep: 'a' })).toMatchObject({ ok: false, message: 'Choose two different records to merge.' });
	});
});
