import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkWebhookTarget, isPrivateAddress, publicLookup, refuseDeliveryTarget } from './publicAddress';

describe('webhook targets are public addresses only', () => {
	let saved: string | undefined;
	beforeEach(() => {
		saved = process.env.WEBHOOK_ALLOW_PRIVATE;
		delete process.env.WEBHOOK_ALLOW_PRIVATE;
	});
	afterEach(() => {
		process.env.WEBHOOK_ALLOW_PRIVATE = saved;
	});

	it('tells private, loopback, link-local and mapped addresses from public ones', () => {
		for (const address of ['127.0.0.1', '10.20.30.40', '172.16.5.4', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fd12:3456::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:a00:1']) {
			expect(isPrivateAddress(address), address).toBe(true);
		}
		for (const address of ['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700:4700::1111']) {
			expect(isPrivateAddress(address), address).toBe(false);
		}
	});

	it('refuses a URL whose host is a private address or localhost, saying why and what to use instead', async () => {
		for (const url of ['http://127.0.0.1:8080/hooks', 'https://169.254.169.254/latest/meta-data', 'http://[::1]/x', 'http://localhost:3000/', 'http://api.localhost/', 'http://10.0.0.5/h']) {
			expect(await checkWebhookTarget(url), url).toMatch(/private or local network address\. Webhooks are sent only to public addresses/);
		}
		expect(await checkWebhookTarget('https://93.184.216.34/hooks')).toBeNull();
		// A name that does not resolve (yet) is accepted; each delivery checks it again.
		expect(await checkWebhookTarget('https://hooks.example.invalid/x')).toBeNull();
		expect(refuseDeliveryTarget(new URL('http://127.0.0.1:9/x'))).toMatch(/private/);
	});

	it('refuses a name that resolves to a private address at connection time (DNS rebinding)', async () => {
		const error = await new Promise<NodeJS.ErrnoException | null>((resolve) => publicLookup('localhost', {}, (e) => resolve(e)));
		expect(error?.code).toBe('EPRIVATEADDRESS');
		expect(error?.message).toMatch(/localhost is at (127\.0\.0\.1|::1), a private or local network address/);
	});

	it('lets an operator allow private receivers with WEBHOOK_ALLOW_PRIVATE=1', async () => {
		process.env.WEBHOOK_ALLOW_PRIVATE = '1';
		expect(await checkWebhookTarget('http://127.0.0.1:8080/hooks')).toBeNull();
		expect(refuseDeliveryTarget(new URL('http://127.0.0.1:9/x'))).toBeNull();
	});
});
