import { json } from '@sveltejs/kit';
import { z } from 'zod';
import type { RequestHandler } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { createImportJob } from '$lib/server/import/importJobs';
import { IMPORT_ENTITIES } from '$lib/domain/import/fields';

const uploadInput = z.object({
	entity: z.enum(IMPORT_ENTITIES, { error: 'Choose what the file holds: accounts, contacts, deals or activities.' }),
	fileName: z.string().trim().min(1, 'Choose a CSV file.').max(300),
	fileSize: z.number().int().min(1, 'The file is empty.').max(4 * 1024 ** 3, 'Files up to 4 GB can be imported.')
});

/** Starts a chunked upload: the job row first, then the file arrives in parts (PUT …/file?offset=). */
export const POST: RequestHandler = async (event) => {
	const { db, workspace, userId } = await requireWorkspace(event, 'data.import');
	const parsed = uploadInput.safeParse(await event.request.json().catch(() => null));
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		return json({ error: { code: 'invalid_upload', message: issue.message, field: String(issue.path[0] ?? '') } }, { status: 400 });
	}
	const job = await createImportJob(db, { workspaceId: workspace.id, userId, ...parsed.data });
	return json({ id: job.id }, { status: 201 });
};
