import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { useDatabase } from '$lib/server/db/app';
import { acceptInvite, findOpenInvite, InviteUnavailableError } from '$lib/server/invites';
import { EmailTakenError } from '$lib/server/commands/signUp';
import { createSession, generateSessionToken } from '$lib/server/auth/session';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { readForm } from '$lib/domain/forms/readForm';
import { joinInput } from '$lib/domain/auth/inputs';

export const load: PageServerLoad = async ({ params }) => {
	const invite = await findOpenInvite(await useDatabase(), params.token);
	return { invite };
};

const unavailable = (e: unknown) =>
	e instanceof InviteUnavailableError ? fail(410, { errors: { form: e.message } as Record<string, string>, values: {} }) : null;

export const actions: Actions = {
	/** A signed-in user joins with their existing account. */
	join: async ({ params, locals }) => {
		if (!locals.user) redirect(303, `/login?next=/invite/${params.token}`);
		let joined;
		try {
			joined = await acceptInvite(await useDatabase(), params.token, { userId: locals.user.id });
		} catch (e) {
			const failure = unavailable(e);
			if (failure) return failure;
			throw e;
		}
		redirect(303, `/w/${joined.workspaceSlug}`);
	},
	/** A new person creates their account from the invitation. */
	register: async ({ params, request, cookies, url }) => {
		const form = readForm(joinInput, await request.formData());
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		const db = await useDatabase();
		let joined;
		try {
			joined = await acceptInvite(db, params.token, form.data);
		} catch (e) {
			if (e instanceof EmailTakenError)
				return fail(400, {
					errors: { email: `${e.message} After signing in, open this link again to join.` } as Record<string, string>,
					values: { name: form.data.name, email: form.data.email }
				});
			const failure = unavailable(e);
			if (failure) return failure;
			throw e;
		}
		const token = generateSessionToken();
		const session = await createSession(db, token, joined.userId);
		setSessionCookie(cookies, url, token, session.expiresAt);
		redirect(303, `/w/${joined.workspaceSlug}`);
	}
};
