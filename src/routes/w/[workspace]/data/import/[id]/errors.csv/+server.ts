import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { getImportJob, iterateIssues, jobProfile } from '$lib/server/import/importJobs';
import { csvLine } from '$lib/domain/import/csvCell';
import { isUuid } from '$lib/domain/forms/isUuid';

/**
 * The rows the last run refused or skipped, as a CSV with the file's own columns plus "Row" and
 * "Problems": fix the cells, then upload this file (or the whole fixed file) again. One line per
 * row, with all of its problems.
 */
export const GET: RequestHandler = async (event) => {
	const { db, workspace } = await requireWorkspace(event, 'data.import');
	const job = isUuid(event.params.id) ? await getImportJob(db, workspace.id, event.params.id) : null;
	if (!job) error(404, { message: 'There is no such import in this workspace.' });
	const headers = jobProfile(job)?.headers ?? [];
	const encoder = new TextEncoder();
	const body = new ReadableStream<Uint8Array>({
		async start(controller) {
			controller.enqueue(encoder.encode('\ufeff' + csvLine([...headers, 'Row', 'Problems'])));
			let current = null as { row: number; cells: string[]; problems: string[] } | null;
			const emit = () => current && controller.enqueue(encoder.encode(csvLine([...headers.map((_, i) => current!.cells[i] ?? ''), current.row, current.problems.join('; ')])));
			for await (const issue of iterateIssues(db, job.id)) {
				if (current?.row !== issue.rowNumber) {
					emit();
					current = { row: issue.rowNumber, cells: issue.cells, problems: [] };
				}
				current.problems.push(issue.column ? `${issue.column}: ${issue.reason}` : issue.reason);
			}
			emit();
			controller.close();
		}
	});
	const name = job.fileName.replace(/\.csv$/i, '').replace(/[^\w.-]+/g, '_');
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${name}-errors.csv"`,
			'cache-control': 'no-store'
		}
	});
};
