import type { RequestHandler } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { loadKpiDashboard } from '$lib/server/metrics/kpiDashboard';
import { readKpiQuery } from '$lib/domain/metrics/kpiQuery';
import { kpiCsvRows } from '$lib/domain/metrics/kpiCsv';
import { csvLine } from '$lib/domain/import/csvCell';

/** The dashboard's figures (and the counts behind them) for the same query as the page, one row per month. */
export const GET: RequestHandler = async (event) => {
	const { db, workspace } = await requireWorkspace(event, 'crm.read');
	const { query } = readKpiQuery(event.url.searchParams, new Date());
	const dashboard = await loadKpiDashboard(db, workspace.id, query);
	const body = '\ufeff' + kpiCsvRows(dashboard).map(csvLine).join('');
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${workspace.slug}-kpis-${query.from}-to-${query.to}.csv"`,
			'cache-control': 'no-store'
		}
	});
};
