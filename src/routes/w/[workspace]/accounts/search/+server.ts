import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { listAccountsByIds, searchAccounts } from '$lib/server/accountSearch';
import { isUuid } from '$lib/domain/forms/isUuid';

const MAX_QUERY = 100;
const MAX_IDS = 100;

const problem = (message: string, field: string) => json({ error: { code: 'invalid_query', message, field } }, { status: 400 });

/**
 * Accounts for the type-ahead pickers: `?q=` searches names and domains (up to `limit`, at most
 * 20); `?ids=a,b` names accounts already chosen. Only this workspace's accounts, ever.
 */
export const GET: RequestHandler = async (event) => {
	const { db, workspace } = await requireWorkspace(event);
	const params = event.url.searchParams;
	const ids = params.get('ids');
	if (ids !== null) {
		const list = ids.split(',').filter(Boolean);
		if (list.length > MAX_IDS) return problem(`Ask for at most ${MAX_IDS} accounts at a time.`, 'ids');
		if (!list.every(isUuid)) return problem('ids is a comma-separated list of account ids.', 'ids');
		return json({ accounts: await listAccountsByIds(db, workspace.id, list) });
	}
	const q = params.get('q') ?? '';
	if (q.length > MAX_QUERY) return problem(`Search with at most ${MAX_QUERY} characters.`, 'q');
	const limit = Number(params.get('limit') ?? 8);
	if (!Number.isInteger(limit) || limit < 1 || limit > 20) return problem('limit is a whole number from 1 to 20.', 'limit');
	return json({ accounts: await searchAccounts(db, workspace.id, q, limit) }, { headers: { 'cache-control': 'private, no-store' } });
};
