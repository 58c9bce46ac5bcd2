import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/index';
import { queryRows } from '../db/rows';
import { webhookAttempt, webhookDelivery, webhookEndpoint, webhookEvent } from '../db/schema';
import { retryDelayMs } from '../../domain/webhooks/retry';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, signWebhook } from './signature';
import { publicLookup, refuseDeliveryTarget } from './publicAddress';
import http from 'node:http';
import https from 'node:https';

const LEASE_MS = 60_000;
const TIMEOUT_MS = 10_000;

export interface DeliveryOptions {
	now?: Date;
	limit?: number;
	timeoutMs?: number;
}

/** The JSON a receiver gets: the same for every attempt and redelivery of an event (dedupe on `id`). */
export function webhookBody(event: { id: number; type: string; workspaceId: string; createdAt: Date; payload: unknown }): string {
	return JSON.stringify({ id: `evt_${event.id}`, type: event.type, createdAt: event.createdAt.toISOString(), workspaceId: event.workspaceId, data: event.payload });
}

/**
 * Takes due deliveries (FOR UPDATE SKIP LOCKED, so several app processes share the work without
 * sending one twice), leases them for a minute, and sends each. Returns how many it tried.
 */
async function claimDue(db: Database, now: Date, limit: number): Promise<number[]> {
	const rows = await queryRows<{ id: string | number }>(
		db,
		sql`update ${webhookDelivery} set locked_until = ${new Date(now.getTime() + LEASE_MS).toISOString()}::timestamptz, attempts = attempts + 1
			where id in (
				select d.id from ${webhookDelivery} d join ${webhookEndpoint} e on e.id = d.endpoint_id and e.disabled_at is null
				where d.status = 'pending' and d.next_attempt_at <= ${now.toISOString()}::timestamptz and (d.locked_until is null or d.locked_until <= ${now.toISOString()}::timestamptz)
				order by d.next_attempt_at limit ${limit} for update of d skip locked)
			returning id`
	);
	return rows.map((r) => Number(r.id));
}

/**
 * One POST, not following redirects, through node's http client so the connection's DNS lookup is
 * publicLookup (no fetch option gives that hook without another dependency).
 */
function post(url: URL, headers: Record<string, string>, body: string, timeoutMs: number): Promise<{ status: number; text: string }> {
	return new Promise((resolve, reject) => {
		const request = (url.protocol === 'https:' ? https : http).request(
			url,
			{ method: 'POST', headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) }, lookup: publicLookup, timeout: timeoutMs },
			(response) => {
				let text = '';
				response.setEncoding('utf8');
				response.on('data', (chunk: string) => {
					if (text.length < 500) text += chunk;
				});
				response.on('end', () => resolve({ status: response.statusCode ?? 0, text: text.slice(0, 500) }));
				response.on('error', reject);
			}
		);
		request.on('timeout', () => request.destroy(Object.assign(new Error('timeout'), { name: 'TimeoutError' })));
		request.on('error', reject);
		request.end(body);
	});
}

async function send(url: string, secret: string, eventType: string, deliveryId: number, body: string, timeoutMs: number) {
	const timestamp = Math.floor(Date.now() / 1000);
	const started = performance.now();
	const target = new URL(url);
	const refused = refuseDeliveryTarget(target);
	if (refused) return { statusCode: null, error: `Not sent: ${refused}`, responseBody: null, durationMs: 0 };
	try {
		const response = await post(
			target,
			{
				'Content-Type': 'application/json',
				'User-Agent': 'Signalroom-Webhooks/1',
				[SIGNATURE_HEADER]: signWebhook(secret, timestamp, body),
				[TIMESTAMP_HEADER]: String(timestamp),
				'Signalroom-Event': eventType,
				'Signalroom-Delivery': String(deliveryId)
			},
			body,
			timeoutMs
		);
		const ok = response.status >= 200 && response.status < 300;
		return { statusCode: response.status, error: ok ? null : `HTTP ${response.status}`, responseBody: response.text, durationMs: Math.round(performance.now() - started) };
	} catch (e) {
		const error = e as Error & { code?: string };
		const message =
			error.name === 'TimeoutError' ? `No answer within ${timeoutMs / 1000} s` : error.code === 'EPRIVATEADDRESS' ? `Not sent: ${error.message}` : `Could not connect: ${error.message}`;
		return { statusCode: null, error: message, responseBody: null, durationMs: Math.round(performance.now() - started) };
	}
}

/** Sends what is due now; each attempt is logged, failures are retried with backoff (retry.ts). */
export async function deliverDueWebhooks(db: Database, options: DeliveryOptions = {}): Promise<number> {
	const now = options.now ?? new Date();
	const ids = await claimDue(db, now, options.limit ?? 20);
	if (ids.length === 0) return 0;
	const work = await db
		.select({
			id: webhookDelivery.id,
			attempts: webhookDelivery.attempts,
			url: webhookEndpoint.url,
			secret: webhookEndpoint.secret,
			event: { id: webhookEvent.id, type: webhookEvent.type, workspaceId: webhookEvent.workspaceId, createdAt: webhookEvent.createdAt, payload: webhookEvent.payload }
		})
		.from(webhookDelivery)
		.innerJoin(webhookEndpoint, eq(webhookEndpoint.id, webhookDelivery.endpointId))
		.innerJoin(webhookEvent, eq(webhookEvent.id, webhookDelivery.eventId))
		.where(inArray(webhookDelivery.id, ids));
	await Promise.all(
		work.map(async (d) => {
			const result = await send(d.url, d.secret, d.event.type, d.id, webhookBody(d.event), options.timeoutMs ?? TIMEOUT_MS);
			const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
			const delay = ok ? null : retryDelayMs(d.attempts);
			await db.transaction(async (tx) => {
				await tx.insert(webhookAttempt).values({ deliveryId: d.id, attemptedAt: now, ...result });
				await tx
					.update(webhookDelivery)
					.set({
						status: ok ? 'succeeded' : delay === null ? 'failed' : 'pending',
						lastStatusCode: result.statusCode,
						lastError: result.error,
						lockedUntil: null,
						deliveredAt: ok ? now : null,
						nextAttemptAt: delay === null ? now : new Date(now.getTime() + delay)
					})
					.where(eq(webhookDelivery.id, d.id));
			});
		})
	);
	return work.length;
}

/** Sends an event to an endpoint again as a new delivery (same event id); null when not in this workspace. */
export async function redeliverWebhook(db: Database, workspaceId: string, deliveryId: number): Promise<number | null> {
	const [original] = await db
		.select({ eventId: webhookDelivery.eventId, endpointId: webhookDelivery.endpointId })
		.from(webhookDelivery)
		.where(and(eq(webhookDelivery.workspaceId, workspaceId), eq(webhookDelivery.id, deliveryId)));
	if (!original) return null;
	const [row] = await db.insert(webhookDelivery).values({ workspaceId, ...original }).returning({ id: webhookDelivery.id });
	return row.id;
}
