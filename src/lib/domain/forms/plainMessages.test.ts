import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import './plainMessages';

const messageOf = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues.map((i) => i.message);

describe('plain validation messages', () => {
	it('says a missing field is required, and what a wrong type should have been', () => {
		const form = z.object({ body: z.string(), size: z.number() });
		expect(messageOf(form, { size: 'abc' })).toEqual(['This field is required.', 'Expected a number, not text.']);
		expect(messageOf(z.object({}), [])).toEqual(['Expected an object, not a list.']);
		expect(messageOf(z.object({}), null)).toEqual(['Expected an object, not null.']);
	});

	it('names unknown fields and states limits in words', () => {
		expect(messageOf(z.object({}).strict(), { foo: 1 })).toEqual(['Unknown field: foo. Leave it out.']);
		expect(messageOf(z.string().max(200), 'x'.repeat(300))).toEqual(['Too long: at most 200 characters.']);
		expect(messageOf(z.array(z.number()).max(1000), Array(1001).fill(1))).toEqual(['Too many: at most 1000 items.']);
		expect(messageOf(z.number().max(2_000_000_000), 3e9)).toEqual(['Too large: at most 2,000,000,000.']);
		expect(messageOf(z.enum(['read', 'write']), 'admin')).toEqual(['Choose one of: read, write.']);
		expect(messageOf(z.string().uuid(), 'nope')).toEqual(['Not a valid id (a UUID).']);
	});

	it('leaves a schema’s own message alone', () => {
		expect(messageOf(z.string().min(1, 'Give the list a name.'), '')).toEqual(['Give the list a name.']);
	});
});
