import { z } from 'zod';
import { requiredText } from '../forms/fields';

/** Events an admin can subscribe a webhook URL to. */
export const WEBHOOK_EVENTS = [
	'account.created',
	'account.updated',
	'deal.stage_changed',
	'signal.fired',
	'alert.created',
	'session.ended',
	'playbook.revision_merged'
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

export const WEBHOOK_EVENT_LABELS: Record<WebhookEventType, string> = {
	'account.created': 'An account was created',
	'account.updated': 'An account was changed',
	'deal.stage_changed': 'A deal moved to another stage',
	'signal.fired': 'A playbook signal fired on an account',
	'alert.created': 'An alert was raised',
	'session.ended': 'A practice session ended',
	'playbook.revision_merged': 'A playbook proposal was merged into a new revision'
};

const isPublicHttpUrl = (value: string) => {
	try {
		const url = new URL(value);
		return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password;
	} catch {
		return false;
	}
};

/** The admin's webhook form: where to send, and which events. */
export const webhookInput = z.object({
	url: requiredText('the URL that receives the events', 2000).refine(isPublicHttpUrl, 'Enter a full http:// or https:// URL without a user name or password, like https://example.com/hooks/signalroom.'),
	description: z
		.string()
		.trim()
		.max(200, 'Keep the description under 200 characters.')
		.optional()
		.transform((v) => v || null),
	events: z
		.array(z.enum(WEBHOOK_EVENTS, { error: 'Choose events from the list.' }), { error: 'Choose at least one event.' })
		.min(1, 'Choose at least one event.')
		.transform((v) => [...new Set(v)])
});
export type WebhookInput = z.output<typeof webhookInput>;
