import { describe, expect, it } from 'vitest';
import { describeMissing } from './importantFields';

describe('describeMissing', () => {
	it('names missing fields in form order and marks required ones', () => {
		expect(describeMissing('contact', ['title', 'firstName', 'email'])).toBe('First name (required), Email, Title');
		expect(describeMissing('deal', [])).toBe('');
	});
});
