import type { PageServerLoad } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { listAuditActors, listAuditPage } from '$lib/server/auditLog';
import { auditFilterInput, periodOf } from '$lib/domain/audit/auditFilter';
import type { AuditAction } from '$lib/domain/audit/auditActions';

export const load: PageServerLoad = async (event) => {
	const { db, workspace } = await requireWorkspace(event, 'data.manage');
	const query = Object.fromEntries(event.url.searchParams);
	const parsed = auditFilterInput.safeParse(query);
	const filter = parsed.success ? parsed.data : auditFilterInput.parse({ page: query.page });
	const filterErrors = parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
	const log = await listAuditPage(db, workspace.id, {
		action: filter.action as AuditAction | undefined,
		actorId: filter.actor,
		...periodOf(filter),
		page: filter.page
	});
	return { log, actors: await listAuditActors(db, workspace.id), query, filterErrors };
};
