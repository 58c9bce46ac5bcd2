import type { RequestHandler } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { loadPracticeImpact } from '$lib/server/metrics/practiceImpact';
import { readKpiQuery } from '$lib/domain/metrics/kpiQuery';
import { listMonths } from '$lib/domain/metrics/kpis';
import { practiceCsvRows } from '$lib/domain/metrics/kpiCsv';
import { csvLine } from '$lib/domain/import/csvCell';

/** The practice-impact figures for the page's months, one row per month. */
export const GET: RequestHandler = async (event) => {
	const { db, workspace } = await requireWorkspace(event, 'crm.read');
	const { query } = readKpiQuery(event.url.searchParams, new Date());
	const impact = await loadPracticeImpact(db, workspace.id, listMonths(query.from, query.to));
	return new Response('\ufeff' + practiceCsvRows(impact.months).map(csvLine).join(''), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${workspace.slug}-practice-impact-${query.from}-to-${query.to}.csv"`,
			'cache-control': 'no-store'
		}
	});
};
