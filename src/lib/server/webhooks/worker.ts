import type { Database } from '../db/index';
import { deliverDueWebhooks } from './deliverWebhooks';
import { pruneWebhookEvents } from './endpoints';
import { pruneIdempotencyKeys } from '../api/idempotency';

const HOUR_MS = 60 * 60 * 1000;
const slot = globalThis as typeof globalThis & { __signalroomWebhookWorker?: { stop(): void } };

/**
 * The background sender: every `intervalMs` (WEBHOOK_POLL_MS, default 1 s) it sends what is due,
 * until nothing is; hourly it forgets old webhook events and idempotency keys. Every app process
 * runs one: claims use SKIP LOCKED, so they share the work.
 */
export function startWebhookWorker(database: () => Promise<Database>, intervalMs = Number(process.env.WEBHOOK_POLL_MS) || 1000) {
	// One worker per process, also when the dev server re-runs the init hook.
	slot.__signalroomWebhookWorker?.stop();
	let busy = false;
	let stopped = false;
	let lastPrune = 0;
	const tick = async () => {
		if (busy || stopped) return;
		busy = true;
		try {
			const db = await database();
			while (!stopped && (await deliverDueWebhooks(db)) > 0);
			if (Date.now() - lastPrune > HOUR_MS) {
				lastPrune = Date.now();
				await pruneWebhookEvents(db);
				await pruneIdempotencyKeys(db);
			}
		} catch (e) {
			if (!stopped) console.error('Webhook delivery failed:', e);
		} finally {
			busy = false;
		}
	};
	const timer = setInterval(() => void tick(), intervalMs);
	timer.unref();
	const worker = {
		stop() {
			stopped = true;
			clearInterval(timer);
		}
	};
	slot.__signalroomWebhookWorker = worker;
	return worker;
}
