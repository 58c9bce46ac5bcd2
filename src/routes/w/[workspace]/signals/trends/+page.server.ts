import type { PageServerLoad } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { readTrendQuery, trendSeriesHeading } from '$lib/domain/signals/trends';
import { loadTrendTable } from '$lib/server/signals/trendTable';

export const load: PageServerLoad = async (event) => {
	const { db, workspace } = await requireWorkspace(event);
	const query = readTrendQuery(event.url.searchParams);
	return { query, heading: trendSeriesHeading(query), table: await loadTrendTable(db, workspace.id, query) };
};
