import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { useDatabase } from '$lib/server/db/app';
import { invalidateSession } from '$lib/server/auth/session';
import { clearSessionCookie } from '$lib/server/auth/cookie';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ locals, cookies, url }) => {
		if (locals.sessionId) await invalidateSession(await useDatabase(), locals.sessionId);
		clearSessionCookie(cookies, url);
		redirect(303, '/login');
	}
};
