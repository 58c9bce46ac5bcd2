import { expect, it } from 'vitest';
import { safeNext } from './safeNext';

it('only follows same-site paths after sign-in', () => {
	expect(safeNext('/w/demo/accounts?q=a')).toBe('/w/demo/accounts?q=a');
	for (const bad of ['https://evil.com', '//evil.com', '/\\evil.com', 'javascript:alert(1)', '', null]) {
		expect(safeNext(bad)).toBe('/');
	}
});
