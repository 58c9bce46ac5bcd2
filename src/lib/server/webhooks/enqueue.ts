import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/index';
import type { WebhookEventType } from '../../domain/webhooks/events';

/**
 * The outbox. Call with the transaction that makes the change, so an event exists exactly when
 * its change committed; the worker (deliverWebhooks.ts) sends it after commit. One statement
 * whatever the number of events; events no endpoint listens to are not stored.
 *
 * Producers: accounts.ts (account.created / account.updated), deals.ts (deal.stage_changed),
 * sessions/concludeSession.ts (session.ended), playbook/proposals.ts (playbook.revision_merged),
 * the CRM upserts of the REST API, signal detection (signal.fired, alert.created).
 */
export async function enqueueWebhookEvents(tx: Database, workspaceId: string, type: WebhookEventType, payloads: Record<string, unknown>[]): Promise<void> {
	const statement = webhookEventsStatement(workspaceId, type, payloads);
	if (statement) await tx.execute(statement);
}

/**
 * enqueueWebhookEvents as one statement (null when there is nothing to send), for callers that
 * pipeline their writes: the subscribed endpoints, the events (only when some endpoint listens)
 * and their deliveries are one insert with data-modifying CTEs.
 */
export function webhookEventsStatement(workspaceId: string, type: WebhookEventType, payloads: Record<string, unknown>[]): SQL | null {
	if (payloads.length === 0) return null;
	return sql`with endpoint as (
			select id from webhook_endpoint where workspace_id = ${workspaceId}::uuid and disabled_at is null and ${type}::text = any(events)),
		event as (
			insert into webhook_event (workspace_id, type, payload)
			select ${workspaceId}::uuid, ${type}, p.payload from jsonb_array_elements(${JSON.stringify(payloads)}::jsonb) with ordinality as p(payload, n)
			where exists (select 1 from endpoint) order by p.n
			returning id)
		insert into webhook_delivery (workspace_id, event_id, endpoint_id)
		select ${workspaceId}::uuid, event.id, endpoint.id from event cross join endpoint order by event.id, endpoint.id`;
}

/** One event; see enqueueWebhookEvents. */
export function enqueueWebhookEvent(tx: Database, workspaceId: string, type: WebhookEventType, payload: Record<string, unknown>): Promise<void> {
	return enqueueWebhookEvents(tx, workspaceId, type, [payload]);
}
