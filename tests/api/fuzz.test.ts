import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { apiTargets, type ApiServer } from './apiServer';
import { seedApi, type ApiSeed } from './seedApi';
import { API_OPERATIONS } from '../../src/lib/domain/api/operations';

const printable = (max: number) => fc.stringMatching(new RegExp(`^[\\x20-\\x7e]{0,${max}}$`));

/** A valid example body with one random change: a field replaced, dropped or added. */
const mutated = (example: unknown) =>
	fc.tuple(fc.nat(), fc.jsonValue({ maxDepth: 3 }), fc.constantFrom('replace', 'drop', 'add', 'same'), printable(12)).map(([n, value, how, key]) => {
		const copy = structuredClone(example) as Record<string, unknown>;
		const target = (Array.isArray(Object.values(copy)[0]) ? (Object.values(copy)[0] as Record<string, unknown>[])[0] : copy) ?? copy;
		const keys = Object.keys(target);
		const k = keys[n % Math.max(1, keys.length)] ?? key;
		if (how === 'replace') target[k] = value;
		else if (how === 'drop') delete target[k];
		else if (how === 'add') target[key] = value;
		return JSON.stringify(copy);
	});

describe.each(apiTargets())('fuzzed requests to every endpoint ($name)', (target) => {
	let server: ApiServer;
	let seed: ApiSeed;
	beforeAll(async () => {
		({ server, seeded: seed } = await target.start(seedApi));
	}, 180_000);
	afterAll(() => server?.stop());

	it('answer a 2xx, or a 4xx with a JSON error and a message; never a 5xx or HTML', async () => {
		const examples = API_OPERATIONS.filter((op) => op.example).map((op) => op.example);
		const segment = fc.oneof(fc.constant(seed.accountA.id), fc.constant(seed.accountB.id), fc.uuid(), printable(20).map(encodeURIComponent), fc.constant('%00'), fc.constant('%E0%A4%A'), fc.constant(''));
		const path = fc.oneof(
			fc.tuple(fc.constantFrom(...API_OPERATIONS.map((op) => op.path)), segment).map(([p, id]) => p.replace('{id}', id)),
			fc.array(segment, { maxLength: 4 }).map((parts) => `/api/v1/${parts.join('/')}`)
		);
		const query = fc.oneof(
			fc.constant(''),
			fc.dictionary(fc.constantFrom('limit', 'cursor', 'externalId', 'domain', 'x'), fc.oneof(printable(30), fc.integer().map(String), fc.constant('%00'))).map((q) =>
				Object.keys(q).length ? '?' + Object.entries(q).map(([k, v]) => `${k}=${v.startsWith('%') ? v : encodeURIComponent(v)}`).join('&') : ''
			)
		);
		const request = fc.record({
			method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'),
			path,
			query,
			token: fc.oneof({ weight: 6, arbitrary: fc.constant(seed.tokens.all) }, fc.constant(seed.tokens.read), fc.constant(seed.tokens.allB), fc.constant(seed.tokens.revoked), printable(40), fc.constant(null)),
			contentType: fc.oneof({ weight: 5, arbitrary: fc.constant('application/json') }, fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=utf-8', ''), printable(30)),
			idempotencyKey: fc.option(printable(300), { nil: undefined }),
			body: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...examples).chain(mutated) }, fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)), printable(200), fc.constant(undefined))
		});

		await fc.assert(
			fc.asyncProperty(request, async (r) => {
				const headers: Record<string, string> = {};
				if (r.token !== null) headers.Authorization = r.token.startsWith('sr_') ? `Bearer ${r.token}` : r.token;
				if (r.contentType) headers['Content-Type'] = r.contentType;
				if (r.idempotencyKey !== undefined) headers['Idempotency-Key'] = r.idempotencyKey;
				const hasBody = r.body !== undefined && !['GET', 'OPTIONS'].includes(r.method);
				const response = await fetch(server.baseUrl + r.path + r.query, { method: r.method, headers, body: hasBody ? r.body : undefined, redirect: 'manual' });
				const text = await response.text();
				const where = `${r.method} ${r.path}${r.query} -> ${response.status}: ${text.slice(0, 300)}`;
				expect(response.status, where).toBeLessThan(500);
				if (response.status >= 400) {
					expect(response.headers.get('content-type'), where).toContain('application/json');
					const error = JSON.parse(text).error;
					expect(typeof error.code, where).toBe('string');
					expect(error.message.length, where).toBeGreaterThan(10);
				}
			}),
			{ numRuns: 400 }
		);
	}, 600_000);
});
