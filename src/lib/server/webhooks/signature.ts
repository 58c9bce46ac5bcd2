import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'Signalroom-Signature';
export const TIMESTAMP_HEADER = 'Signalroom-Timestamp';

/** `v1=` + hex HMAC-SHA256 of `${timestamp}.${body}` under the endpoint's secret. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
	return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * What a receiver does (documented for integrators, used by the tests): recompute the signature
 * and compare in constant time, and refuse timestamps older than `toleranceSeconds` (replays).
 */
export function verifyWebhook(secret: string, headers: { signature: string | null; timestamp: string | null }, body: string, nowSeconds: number, toleranceSeconds = 300): boolean {
	const timestamp = Number(headers.timestamp);
	if (!headers.signature || !Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
	const expected = Buffer.from(signWebhook(secret, timestamp, body));
	const given = Buffer.from(headers.signature);
	return expected.length === given.length && timingSafeEqual(expected, given);
}
