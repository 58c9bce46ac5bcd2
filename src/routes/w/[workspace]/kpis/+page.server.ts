import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { listMembers } from '$lib/server/workspaces';
import { loadKpiDashboard, listSegmentValues } from '$lib/server/metrics/kpiDashboard';
import { listAcquisitionCosts, saveAcquisitionCost } from '$lib/server/metrics/acquisitionCosts';
import { loadPracticeImpact } from '$lib/server/metrics/practiceImpact';
import { acquisitionCostInput, readKpiQuery } from '$lib/domain/metrics/kpiQuery';
import { listMonths } from '$lib/domain/metrics/kpis';
import { readForm } from '$lib/domain/forms/readForm';
import { can } from '$lib/domain/auth/permissions';

export const load: PageServerLoad = async (event) => {
	const { db, workspace, member } = await requireWorkspace(event, 'crm.read');
	const { query, problems } = readKpiQuery(event.url.searchParams, new Date());
	const [dashboard, practice, segments, members] = await Promise.all([
		loadKpiDashboard(db, workspace.id, query),
		loadPracticeImpact(db, workspace.id, listMonths(query.from, query.to)),
		listSegmentValues(db, workspace.id),
		listMembers(db, workspace.id)
	]);
	const canEnterCosts = can(member.role, 'data.manage');
	return {
		query,
		problems,
		dashboard,
		practice,
		segments,
		owners: members.map((m) => ({ value: m.userId, label: m.name })),
		canEnterCosts,
		costs: canEnterCosts ? await listAcquisitionCosts(db, workspace.id) : []
	};
};

export const actions: Actions = {
	cost: async (event) => {
		const { db, workspace, userId } = await requireWorkspace(event, 'data.manage');
		const form = readForm(acquisitionCostInput, await event.request.formData());
		if (!form.ok) return fail(400, { costErrors: form.errors, costValues: form.values });
		await saveAcquisitionCost(db, workspace.id, userId, form.data.month, form.data.amount);
		return { costSaved: form.data.month };
	}
};
