import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { getImportJob } from '$lib/server/import/importJobs';
import { appendChunk, ChunkGapError, fileSizeOf } from '$lib/server/import/importFiles';
import { completeUpload } from '$lib/server/import/completeUpload';
import { isUuid } from '$lib/domain/forms/isUuid';

async function uploadingJob(event: Parameters<RequestHandler>[0]) {
	const guarded = await requireWorkspace(event, 'data.import');
	const job = isUuid(event.params.id) ? await getImportJob(guarded.db, guarded.workspace.id, event.params.id) : null;
	return { ...guarded, job };
}

const problem = (status: number, code: string, message: string) => json({ error: { code, message } }, { status });

/** One part of the file, written at ?offset= (bytes). Parts stay under the server's request size limit. */
export const PUT: RequestHandler = async (event) => {
	const { job } = await uploadingJob(event);
	if (!job) return problem(404, 'not_found', 'There is no such upload in this workspace.');
	if (job.status !== 'uploading') return problem(409, 'not_uploading', 'This upload is complete; start a new one to send another file.');
	const offset = Number(event.url.searchParams.get('offset'));
	if (!Number.isInteger(offset) || offset < 0) return problem(400, 'invalid_offset', 'Send ?offset= with the byte position of this part.');
	if (offset + Number(event.request.headers.get('content-length') ?? 0) > job.fileSize) {
		return problem(400, 'too_long', 'This part goes past the file size given when the upload started.');
	}
	try {
		return json({ size: await appendChunk(job.id, offset, event.request.body) });
	} catch (e) {
		if (e instanceof ChunkGapError) return problem(409, 'gap', e.message);
		throw e;
	}
};

/** The last part is in: read the file and set up the mapping. */
export const POST: RequestHandler = async (event) => {
	const { db, job } = await uploadingJob(event);
	if (!job) return problem(404, 'not_found', 'There is no such upload in this workspace.');
	if (job.status !== 'uploading') return problem(409, 'not_uploading', 'This upload is already complete.');
	const size = fileSizeOf(job.id);
	if (size !== job.fileSize) return problem(409, 'incomplete', `The server has ${size} of ${job.fileSize} bytes; send the rest first.`);
	const from = event.url.searchParams.get('from');
	const message = await completeUpload(db, job, from && isUuid(from) ? from : null);
	if (message) return problem(400, 'unreadable', message);
	return json({ id: job.id });
};
