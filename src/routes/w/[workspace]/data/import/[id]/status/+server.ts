import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { getImportJob } from '$lib/server/import/importJobs';
import { jobStatusView } from '$lib/server/import/jobStatus';
import { isUuid } from '$lib/domain/forms/isUuid';

/** The progress bar polls this while a run goes on. */
export const GET: RequestHandler = async (event) => {
	const { db, workspace } = await requireWorkspace(event, 'data.import');
	const job = isUuid(event.params.id) ? await getImportJob(db, workspace.id, event.params.id) : null;
	if (!job) error(404, { message: 'There is no such import in this workspace.' });
	return json(jobStatusView(job), { headers: { 'cache-control': 'no-store' } });
};
