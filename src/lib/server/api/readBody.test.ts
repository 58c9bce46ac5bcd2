import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readJsonBody } from './readBody';
import { ApiError } from './apiError';

const post = (body: string) => new Request('http://localhost/api/v1/accounts', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
const schema = z.object({ name: z.string() }).passthrough();

async function refusal(body: string): Promise<ApiError> {
	const e = await readJsonBody(post(body), schema).catch((error: unknown) => error);
	expect(e).toBeInstanceOf(ApiError);
	return e as ApiError;
}

describe('readJsonBody', () => {
	it('reads a body that fits the schema', async () => {
		expect((await readJsonBody(post('{"name":"Acme","extra":{"a":[1,{"b":2}]}}'), schema)).data).toMatchObject({ name: 'Acme' });
	});

	it('refuses JSON nested thousands of levels deep with a 400 that says so, instead of overflowing the stack', async () => {
		const deep = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
		const e = await refusal(deep);
		expect([e.status, e.code]).toEqual([400, 'invalid_json']);
		expect(e.message).toContain('more than 32 levels deep');
		// 32 levels still go through to the schema.
		const fine = '{"name":"x","a":' + '['.repeat(30) + ']'.repeat(30) + '}';
		expect((await readJsonBody(post(fine), schema)).data).toMatchObject({ name: 'x' });
	});

	it('names the field that holds the NUL character', async () => {
		const e = await refusal('{"name":"a\\u0000b"}');
		expect([e.status, e.field]).toEqual([422, 'name']);
		expect(e.message).toContain('NUL');
	});
});
