import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { createImportJob, failStalledJobs, listImportJobs } from '$lib/server/import/importJobs';
import { liveJobIds } from '$lib/server/import/jobRunner';
import { writeWholeFile } from '$lib/server/import/importFiles';
import { completeUpload } from '$lib/server/import/completeUpload';
import { IMPORT_ENTITIES, type ImportEntity } from '$lib/domain/import/fields';
import { pick } from '$lib/domain/forms/pick';
import { isUuid } from '$lib/domain/forms/isUuid';

export const load: PageServerLoad = async (event) => {
	const { db, workspace } = await requireWorkspace(event, 'data.import');
	await failStalledJobs(db, workspace.id, liveJobIds());
	const from = event.url.searchParams.get('from');
	return {
		jobs: await listImportJobs(db, workspace.id),
		entity: (pick(IMPORT_ENTITIES, event.url.searchParams.get('entity')) ?? 'contacts') as ImportEntity,
		from: isUuid(from) ? from : null
	};
};

export const actions: Actions = {
	/**
	 * Without JavaScript the file comes in one form post (up to the server's request size limit);
	 * the page's script sends large files in parts instead (see uploads/ and [id]/file).
	 */
	upload: async (event) => {
		const { db, workspace, userId } = await requireWorkspace(event, 'data.import');
		const form = await event.request.formData();
		const entity = pick(IMPORT_ENTITIES, String(form.get('entity') ?? ''));
		const file = form.get('file');
		if (!entity) return fail(400, { error: 'Choose what the file holds: accounts, contacts, deals or activities.' });
		if (!(file instanceof File) || file.size === 0) return fail(400, { error: 'Choose a CSV file to upload.' });
		const job = await createImportJob(db, { workspaceId: workspace.id, userId, entity, fileName: file.name, fileSize: file.size });
		await writeWholeFile(job.id, new Uint8Array(await file.arrayBuffer()));
		const from = String(form.get('from') ?? '');
		const message = await completeUpload(db, job, isUuid(from) ? from : null);
		if (message) return fail(400, { error: message });
		redirect(303, `/w/${workspace.slug}/data/import/${job.id}`);
	}
};
