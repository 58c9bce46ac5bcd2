import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { loadHygieneReport } from '$lib/server/hygiene/report';
import { getHygieneSettings, saveHygieneSettings } from '$lib/server/hygiene/settings';
import { lastScheduledAudit, listDataAudits, runDataAudit } from '$lib/server/hygiene/dataAudits';
import { readForm } from '$lib/domain/forms/readForm';
import { hygieneSettingsInput, nextAuditDue } from '$lib/domain/hygiene/auditSchedule';

export const load: PageServerLoad = async (event) => {
	const { db, workspace } = await requireWorkspace(event, 'data.manage');
	const settings = await getHygieneSettings(db, workspace.id);
	const now = new Date();
	const report = await loadHygieneReport(db, workspace.id, settings.staleDays, now);
	const audits = await listDataAudits(db, workspace.id, 24);
	const nextAudit = nextAuditDue(settings.auditSchedule, await lastScheduledAudit(db, workspace.id), now);
	return { settings, report, audits, nextAudit };
};

export const actions: Actions = {
	settings: async (event) => {
		const { db, workspace, userId } = await requireWorkspace(event, 'data.manage');
		const form = readForm(hygieneSettingsInput, await event.request.formData());
		if (!form.ok) return fail(400, { settingsErrors: form.errors, values: form.values });
		await saveHygieneSettings(db, workspace.id, userId, form.data);
		return { settingsSaved: true };
	},
	audit: async (event) => {
		const { db, workspace, userId } = await requireWorkspace(event, 'data.manage');
		const audit = await runDataAudit(db, workspace.id, { trigger: 'manual', actorId: userId });
		return { audited: audit.score };
	}
};
