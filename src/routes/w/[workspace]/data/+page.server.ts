import type { PageServerLoad } from './$types';
import { requireWorkspace } from '$lib/server/guard';

export const load: PageServerLoad = async (event) => {
	await requireWorkspace(event, 'data.manage');
	return {};
};
