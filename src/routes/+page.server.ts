import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { useDatabase } from '$lib/server/db/app';
import { listUserWorkspaces } from '$lib/server/workspaces';

export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.user) return { workspaces: [] };
	const workspaces = await listUserWorkspaces(await useDatabase(), locals.user.id);
	if (workspaces.length === 1) redirect(303, `/w/${workspaces[0].slug}`);
	return { workspaces };
};
