import type { RequestHandler } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { loadTrendReview } from '$lib/server/metrics/cohorts';
import { readCohortQuery } from '$lib/domain/metrics/cohortQuery';
import { cohortCsvRows } from '$lib/domain/metrics/cohorts';
import { csvLine } from '$lib/domain/import/csvCell';

/** The trend review's table for the same query as the page, largest differences first. */
export const GET: RequestHandler = async (event) => {
	const { db, workspace } = await requireWorkspace(event, 'crm.read');
	const { query } = readCohortQuery(event.url.searchParams, new Date());
	const review = await loadTrendReview(db, workspace.id, query);
	const body = '\ufeff' + cohortCsvRows(query.comparison, review.sizes, review.rows).map(csvLine).join('');
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${workspace.slug}-trend-review-${query.comparison}-${query.from}-to-${query.to}.csv"`,
			'cache-control': 'no-store'
		}
	});
};
