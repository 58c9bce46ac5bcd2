/**
 * Webhooks go to public addresses only. Otherwise an admin (or a stolen admin session) could make
 * the server post to itself, to the cloud metadata service (169.254.169.254) or to anything else
 * on its private network (server-side request forgery). Checked when a URL is saved (a clear
 * refusal for the admin) and again on every delivery, inside the connection's own DNS lookup, so
 * a name that later resolves to a private address (DNS rebinding) is refused too.
 * `WEBHOOK_ALLOW_PRIVATE=1` lifts the rule, for a receiver on the same network or a test's local one.
 */
import { BlockList, isIP, type LookupFunction } from 'node:net';
import dns from 'node:dns';

const blocked = new BlockList();
const V4: [string, number][] = [
	['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24],
	['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4]
];
// Unspecified, loopback, NAT64 (can carry a private IPv4), unique local, link-local, multicast, documentation.
// IPv4-mapped addresses (::ffff:10.0.0.1) are checked against the IPv4 rules by BlockList itself.
const V6: [string, number][] = [['::', 128], ['::1', 128], ['64:ff9b::', 96], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['2001:db8::', 32]];
for (const [net, prefix] of V4) blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of V6) blocked.addSubnet(net, prefix, 'ipv6');

const allowPrivate = () => process.env.WEBHOOK_ALLOW_PRIVATE === '1';

/** Whether an IP address is loopback, private, link-local or otherwise not on the public internet. */
export function isPrivateAddress(address: string): boolean {
	const family = isIP(address);
	if (family === 0) return false;
	return blocked.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

const refusal = (host: string, address: string) =>
	`${host} is ${host === address ? '' : `at ${address}, `}a private or local network address. Webhooks are sent only to public addresses: use the receiver's public URL.`;

const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, '');

/** The reason a literal address or localhost name in the URL is refused, without asking DNS. */
function refuseLiteral(host: string): string | null {
	if (isIP(host)) return isPrivateAddress(host) ? refusal(host, host) : null;
	if (host === 'localhost' || host.endsWith('.localhost')) return refusal(host, '127.0.0.1');
	return null;
}

/**
 * Null when the URL's host is public as far as can be told now; else why it is refused. A name
 * that does not resolve yet is accepted (deliveries check again, and fail with the reason).
 */
export async function checkWebhookTarget(value: string): Promise<string | null> {
	if (allowPrivate()) return null;
	const host = hostOf(new URL(value));
	const literal = refuseLiteral(host);
	if (literal || isIP(host)) return literal;
	const addresses = await Promise.race([
		dns.promises.lookup(host, { all: true }).catch(() => []),
		new Promise<[]>((resolve) => setTimeout(() => resolve([]), 3000).unref())
	]);
	const bad = addresses.find((a) => isPrivateAddress(a.address));
	return bad ? refusal(host, bad.address) : null;
}

/** The refusal for a delivery to a literal private address (names are checked by publicLookup). */
export function refuseDeliveryTarget(url: URL): string | null {
	return allowPrivate() ? null : refuseLiteral(hostOf(url));
}

/** A DNS lookup for outgoing webhook connections that fails when the name resolves to a private address. */
export const publicLookup: LookupFunction = (hostname, options, callback) => {
	dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
		if (error) return callback(error, '', 0);
		const bad = allowPrivate() ? undefined : addresses.find((a) => isPrivateAddress(a.address));
		if (bad) return callback(Object.assign(new Error(refusal(hostname, bad.address)), { code: 'EPRIVATEADDRESS' }), '', 0);
		if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, addresses);
		callback(null, addresses[0].address, addresses[0].family);
	});
};
