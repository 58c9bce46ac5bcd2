import type { Actions, PageServerLoad } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { handleForm } from '$lib/server/formAction';
import { listInbox, markAlertsRead } from '$lib/server/signals/alerts';
import { loadDetectionPlan } from '$lib/server/signals/detectionSignals';
import { alertReadInput } from '$lib/domain/signals/alertInputs';

export const load: PageServerLoad = async (event) => {
	const { db, workspace, userId } = await requireWorkspace(event);
	const unreadOnly = event.url.searchParams.get('show') === 'unread';
	const [alerts, plan] = await Promise.all([listInbox(db, workspace.id, userId, { unreadOnly }), loadDetectionPlan(db, workspace.id)]);
	const signals = Object.fromEntries(plan.signals.map((s) => [s.key, { family: s.family, action: s.action, sectionSlug: s.sectionSlug }]));
	return { alerts, signals, unreadOnly };
};

/** Reading is allowed to every member (viewers too): it only changes the reader's own inbox. */
export const actions: Actions = {
	read: async (event) => {
		const { db, workspace, userId } = await requireWorkspace(event);
		const saved = await handleForm(event.request, alertReadInput, (input) => markAlertsRead(db, workspace.id, userId, [input.alertId]));
		return saved.ok ? { marked: saved.result } : saved.failure;
	},
	readAll: async (event) => {
		const { db, workspace, userId } = await requireWorkspace(event);
		return { marked: await markAlertsRead(db, workspace.id, userId, 'all') };
	}
};
