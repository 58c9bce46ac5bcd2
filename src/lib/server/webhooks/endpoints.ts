import { randomBytes } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/index';
import { webhookAttempt, webhookDelivery, webhookEndpoint, webhookEvent } from '../db/schema';
import { recordAudit } from '../audit';
import type { Actor } from '../api/apiTokens';
import type { WebhookInput } from '../../domain/webhooks/events';

/** The signing secret: 32 random bytes, hex, prefixed so it is recognisable. */
const newSecret = () => `whsec_${randomBytes(32).toString('hex')}`;

export async function createWebhookEndpoint(db: Database, workspaceId: string, actor: Actor, input: WebhookInput) {
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(webhookEndpoint)
			.values({ workspaceId, url: input.url, description: input.description, events: input.events, secret: newSecret(), createdBy: actor.userId })
			.returning({ id: webhookEndpoint.id, secret: webhookEndpoint.secret });
		await recordAudit(tx, {
			workspaceId,
			actorId: actor.userId,
			actorLabel: actor.name,
			action: 'webhook.create',
			subjectType: 'webhook',
			subjectId: row.id,
			summary: `Added a webhook to ${input.url} for ${input.events.join(', ')}`,
			details: { url: input.url, events: input.events }
		});
		return row;
	});
}

/** Changes the URL/events, or pauses/resumes an endpoint; audited. False when not in this workspace. */
export async function updateWebhookEndpoint(db: Database, workspaceId: string, actor: Actor, endpointId: string, change: Partial<WebhookInput> & { enabled?: boolean }) {
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(webhookEndpoint)
			.set({
				...(change.url !== undefined ? { url: change.url } : {}),
				...(change.description !== undefined ? { description: change.description } : {}),
				...(change.events !== undefined ? { events: change.events } : {}),
				...(change.enabled !== undefined ? { disabledAt: change.enabled ? null : new Date() } : {})
			})
			.where(and(eq(webhookEndpoint.workspaceId, workspaceId), eq(webhookEndpoint.id, endpointId)))
			.returning({ id: webhookEndpoint.id, url: webhookEndpoint.url });
		if (!row) return false;
		const what = change.enabled === false ? 'Paused' : change.enabled === true ? 'Resumed' : 'Changed';
		await recordAudit(tx, {
			workspaceId,
			actorId: actor.userId,
			actorLabel: actor.name,
			action: 'webhook.update',
			subjectType: 'webhook',
			subjectId: row.id,
			summary: `${what} the webhook to ${row.url}`,
			details: change
		});
		return true;
	});
}

export async function deleteWebhookEndpoint(db: Database, workspaceId: string, actor: Actor, endpointId: string): Promise<boolean> {
	return db.transaction(async (tx) => {
		const [row] = await tx
			.delete(webhookEndpoint)
			.where(and(eq(webhookEndpoint.workspaceId, workspaceId), eq(webhookEndpoint.id, endpointId)))
			.returning({ id: webhookEndpoint.id, url: webhookEndpoint.url });
		if (!row) return false;
		await recordAudit(tx, {
			workspaceId,
			actorId: actor.userId,
			actorLabel: actor.name,
			action: 'webhook.delete',
			subjectType: 'webhook',
			subjectId: row.id,
			summary: `Removed the webhook to ${row.url}`
		});
		return true;
	});
}

export async function listWebhookEndpoints(db: Database, workspaceId: string) {
	return db
		.select({
			id: webhookEndpoint.id,
			url: webhookEndpoint.url,
			description: webhookEndpoint.description,
			events: webhookEndpoint.events,
			secret: webhookEndpoint.secret,
			createdAt: webhookEndpoint.createdAt,
			disabledAt: webhookEndpoint.disabledAt
		})
		.from(webhookEndpoint)
		.where(eq(webhookEndpoint.workspaceId, workspaceId))
		.orderBy(desc(webhookEndpoint.createdAt));
}

/** The newest deliveries of the workspace (optionally of one endpoint) with their attempt count. */
export async function listRecentDeliveries(db: Database, workspaceId: string, options: { endpointId?: string; limit?: number } = {}) {
	return db
		.select({
			id: webhookDelivery.id,
			endpointId: webhookDelivery.endpointId,
			url: webhookEndpoint.url,
			eventId: webhookEvent.id,
			eventType: webhookEvent.type,
			status: webhookDelivery.status,
			attempts: webhookDelivery.attempts,
			lastStatusCode: webhookDelivery.lastStatusCode,
			lastError: webhookDelivery.lastError,
			nextAttemptAt: webhookDelivery.nextAttemptAt,
			createdAt: webhookDelivery.createdAt,
			deliveredAt: webhookDelivery.deliveredAt
		})
		.from(webhookDelivery)
		.innerJoin(webhookEndpoint, eq(webhookEndpoint.id, webhookDelivery.endpointId))
		.innerJoin(webhookEvent, eq(webhookEvent.id, webhookDelivery.eventId))
		.where(and(eq(webhookDelivery.workspaceId, workspaceId), options.endpointId ? eq(webhookDelivery.endpointId, options.endpointId) : undefined))
		.orderBy(desc(webhookDelivery.id))
		.limit(options.limit ?? 50);
}

/** Every attempt of a delivery, oldest first (for the admin's "what happened" view). */
export async function listDeliveryAttempts(db: Database, workspaceId: string, deliveryId: number) {
	return db
		.select({ id: webhookAttempt.id, attemptedAt: webhookAttempt.attemptedAt, statusCode: webhookAttempt.statusCode, error: webhookAttempt.error, durationMs: webhookAttempt.durationMs, responseBody: webhookAttempt.responseBody })
		.from(webhookAttempt)
		.innerJoin(webhookDelivery, eq(webhookDelivery.id, webhookAttempt.deliveryId))
		.where(and(eq(webhookDelivery.workspaceId, workspaceId), eq(webhookAttempt.deliveryId, deliveryId)))
		.orderBy(webhookAttempt.id);
}

/** Forgets events (with their deliveries and attempts) older than `days` days. */
export async function pruneWebhookEvents(db: Database, days = 30): Promise<void> {
	await db.delete(webhookEvent).where(sql`${webhookEvent.createdAt} < now() - make_interval(days => ${days})`);
}
