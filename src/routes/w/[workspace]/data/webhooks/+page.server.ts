import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { createWebhookEndpoint, deleteWebhookEndpoint, listDeliveryAttempts, listRecentDeliveries, listWebhookEndpoints, updateWebhookEndpoint } from '$lib/server/webhooks/endpoints';
import { redeliverWebhook } from '$lib/server/webhooks/deliverWebhooks';
import { webhookInput } from '$lib/domain/webhooks/events';
import { checkWebhookTarget } from '$lib/server/webhooks/publicAddress';

export const load: PageServerLoad = async (event) => {
	const { db, workspace } = await requireWorkspace(event, 'data.manage');
	const deliveryId = Number(event.url.searchParams.get('delivery'));
	return {
		endpoints: await listWebhookEndpoints(db, workspace.id),
		deliveries: await listRecentDeliveries(db, workspace.id, { limit: 50 }),
		attempts: Number.isSafeInteger(deliveryId) && deliveryId > 0 ? { deliveryId, rows: await listDeliveryAttempts(db, workspace.id, deliveryId) } : null
	};
};

const endpointId = z.object({ endpointId: z.uuid() });

export const actions: Actions = {
	create: async (event) => {
		const { db, workspace, userId, member } = await requireWorkspace(event, 'data.manage');
		const form = await event.request.formData();
		const values = { url: String(form.get('url') ?? ''), description: String(form.get('description') ?? ''), events: form.getAll('events').map(String) };
		const parsed = webhookInput.safeParse(values);
		if (!parsed.success) {
			const errors: Record<string, string> = {};
			for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
			return fail(400, { errors, values });
		}
		const refused = await checkWebhookTarget(parsed.data.url);
		if (refused) return fail(400, { errors: { url: refused }, values });
		const created = await createWebhookEndpoint(db, workspace.id, { userId, name: member.name }, parsed.data);
		return { created: { url: parsed.data.url, secret: created.secret } };
	},
	toggle: async (event) => {
		const { db, workspace, userId, member } = await requireWorkspace(event, 'data.manage');
		const form = await event.request.formData();
		const parsed = endpointId.safeParse({ endpointId: form.get('endpointId') });
		const enabled = form.get('enabled') === 'true';
		if (!parsed.success || !(await updateWebhookEndpoint(db, workspace.id, { userId, name: member.name }, parsed.data.endpointId, { enabled })))
			return fail(400, { actionError: 'That webhook no longer exists.' });
		return { toggled: enabled ? 'resumed' : 'paused' };
	},
	remove: async (event) => {
		const { db, workspace, userId, member } = await requireWorkspace(event, 'data.manage');
		const parsed = endpointId.safeParse({ endpointId: (await event.request.formData()).get('endpointId') });
		if (!parsed.success || !(await deleteWebhookEndpoint(db, workspace.id, { userId, name: member.name }, parsed.data.endpointId)))
			return fail(400, { actionError: 'That webhook no longer exists.' });
		return { removed: true };
	},
	redeliver: async (event) => {
		const { db, workspace } = await requireWorkspace(event, 'data.manage');
		const deliveryId = Number((await event.request.formData()).get('deliveryId'));
		const queued = Number.isSafeInteger(deliveryId) && deliveryId > 0 ? await redeliverWebhook(db, workspace.id, deliveryId) : null;
		if (queued === null) return fail(400, { actionError: 'That delivery no longer exists.' });
		return { redelivered: queued };
	}
};
