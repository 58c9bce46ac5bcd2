import type { RequestHandler } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { readTrendQuery, trendsCsv, trendSeriesHeading } from '$lib/domain/signals/trends';
import { loadTrendTable } from '$lib/server/signals/trendTable';

/** The trends table as CSV, for the same view, segment, family and weeks as the page's query. */
export const GET: RequestHandler = async (event) => {
	const { db, workspace } = await requireWorkspace(event);
	const query = readTrendQuery(event.url.searchParams);
	const table = await loadTrendTable(db, workspace.id, query);
	const name = `signal-trends-${query.view === 'segment' ? query.segment : query.view}${query.family ? `-${query.family}` : ''}-${table.weeks[0]}.csv`;
	return new Response('\ufeff' + trendsCsv(table, trendSeriesHeading(query)), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${name}"`,
			'cache-control': 'no-store'
		}
	});
};
