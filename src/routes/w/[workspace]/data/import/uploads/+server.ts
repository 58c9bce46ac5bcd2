import { json } from '@sveltejs/kit';
import { z } from 'zod';
import type { RequestHandler } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { createImportJob } from '$lib/server/import/importJobs';
import { IMPORT_ENTITIES } from '$lib/domain/import/fields';

const uploadInput = z.object({
	entity: z.enum(IMPORT_ENTITIES, { error: 'Choose what the file holds: accounts, contacts, deals or activities.' }),
	fileName: z
		.string({ error: 'Give the file’s name as text.' })
		.trim()
		.min(1, 'Choose a CSV file.')
		.max(300, 'The file’s name is too long: at most 300 characters.')
		.refine((name) => !name.includes('\0'), 'The file’s name contains the NUL character (\\u0000); rename the file and upload it again.'),
	fileSize: z.number({ error: 'Give the file’s size in bytes, as a number.' }).int('Give the file’s size in whole bytes.').min(1, 'The file is empty.').max(4 * 1024 ** 3, 'Files up to 4 GB can be imported.')
});

/** Starts a chunked upload: the job row first, then the file arrives in parts (PUT …/file?offset=). */
export const POST: RequestHandler = async (event) => {
	const { db, workspace, userId } = await requireWorkspace(event, 'data.import');
	const body: unknown = await event.request.json().catch(() => null);
	if (body === null || typeof body !== 'object' || Array.isArray(body)) {
		return json({ error: { code: 'invalid_upload', message: 'Send a JSON object: {"entity", "fileName", "fileSize"}.', field: '' } }, { status: 400 });
	}
	const parsed = uploadInput.safeParse(body);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		return json({ error: { code: 'invalid_upload', message: issue.message, field: String(issue.path[0] ?? '') } }, { status: 400 });
	}
	const job = await createImportJob(db, { workspaceId: workspace.id, userId, ...parsed.data });
	return json({ id: job.id }, { status: 201 });
};
