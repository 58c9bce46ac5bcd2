import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { useDatabase } from '$lib/server/db/app';
import { EmailTakenError, signUp } from '$lib/server/commands/signUp';
import { createSession, generateSessionToken } from '$lib/server/auth/session';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { readForm } from '$lib/domain/forms/readForm';
import { signUpInput } from '$lib/domain/auth/inputs';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, '/');
	return {};
};

export const actions: Actions = {
	default: async ({ request, cookies, url }) => {
		const form = readForm(signUpInput, await request.formData());
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		const db = await useDatabase();
		let created;
		try {
			created = await signUp(db, form.data);
		} catch (e) {
			if (e instanceof EmailTakenError) {
				const { password: _, ...values } = form.data;
				return fail(400, { errors: { email: e.message } as Record<string, string>, values });
			}
			throw e;
		}
		const token = generateSessionToken();
		const session = await createSession(db, token, created.userId);
		setSessionCookie(cookies, url, token, session.expiresAt);
		redirect(303, `/w/${created.workspaceSlug}`);
	}
};
