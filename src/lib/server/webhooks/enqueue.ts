import { and, arrayContains, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db/index';
import { webhookDelivery, webhookEndpoint, webhookEvent } from '../db/schema';
import type { WebhookEventType } from '../../domain/webhooks/events';

/**
 * The outbox. Call with the transaction that makes the change, so an event exists exactly when
 * its change committed; the worker (deliverWebhooks.ts) sends it after commit. Set-based: one
 * query for the subscribed endpoints, one insert of the events, one of their deliveries. Events no
 * endpoint listens to are not stored.
 *
 * Producers: accounts.ts (account.created / account.updated), deals.ts (deal.stage_changed),
 * sessions/concludeSession.ts (session.ended), playbook/proposals.ts (playbook.revision_merged),
 * the CRM upserts of the REST API. signal.fired and alert.created: call this from the code that
 * detects signals and raises alerts, with `{ signal, account, firedAt }` / `{ alert, account }`.
 */
export async function enqueueWebhookEvents(tx: Database, workspaceId: string, type: WebhookEventType, payloads: Record<string, unknown>[]): Promise<void> {
	if (payloads.length === 0) return;
	const endpoints = await tx
		.select({ id: webhookEndpoint.id })
		.from(webhookEndpoint)
		.where(and(eq(webhookEndpoint.workspaceId, workspaceId), isNull(webhookEndpoint.disabledAt), arrayContains(webhookEndpoint.events, [type])));
	if (endpoints.length === 0) return;
	const events = await tx
		.insert(webhookEvent)
		.values(payloads.map((payload) => ({ workspaceId, type, payload })))
		.returning({ id: webhookEvent.id });
	await tx.insert(webhookDelivery).values(events.flatMap((e) => endpoints.map((endpoint) => ({ workspaceId, eventId: e.id, endpointId: endpoint.id }))));
}

/** One event; see enqueueWebhookEvents. */
export function enqueueWebhookEvent(tx: Database, workspaceId: string, type: WebhookEventType, payload: Record<string, unknown>): Promise<void> {
	return enqueueWebhookEvents(tx, workspaceId, type, [payload]);
}
