import type { PageServerLoad } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { listMembers } from '$lib/server/workspaces';
import { listSegmentValues } from '$lib/server/metrics/kpiDashboard';
import { loadTrendReview } from '$lib/server/metrics/cohorts';
import { readCohortQuery } from '$lib/domain/metrics/cohortQuery';

export const load: PageServerLoad = async (event) => {
	const { db, workspace } = await requireWorkspace(event, 'crm.read');
	const { query, problems } = readCohortQuery(event.url.searchParams, new Date());
	const [review, segments, members] = await Promise.all([loadTrendReview(db, workspace.id, query), listSegmentValues(db, workspace.id), listMembers(db, workspace.id)]);
	return { query, problems, review, segments, owners: members.map((m) => ({ value: m.userId, label: m.name })) };
};
