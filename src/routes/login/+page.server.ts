import { fail, redirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import type { Actions, PageServerLoad } from './$types';
import { useDatabase } from '$lib/server/db/app';
import { user, workspace } from '$lib/server/db/schema';
import { DEMO_PASSWORD, demoUserEmail } from '$lib/server/demo/demoCompany';
import { createSession, generateSessionToken } from '$lib/server/auth/session';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { verifyPassword } from '$lib/server/auth/password';
import { checkLoginThrottle, clearLoginFailures, recordLoginFailure } from '$lib/server/auth/loginThrottle';
import { readForm } from '$lib/domain/forms/readForm';
import { logInInput } from '$lib/domain/auth/inputs';
import { safeNext } from '$lib/domain/auth/safeNext';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next')));
	const [demoWorkspace] = await (await useDatabase()).select({ slug: workspace.slug }).from(workspace).where(eq(workspace.isDemo, true)).limit(1);
	return { demo: demoWorkspace ? { email: demoUserEmail('facilitator', demoWorkspace.slug), password: DEMO_PASSWORD } : null };
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const form = readForm(logInInput, await request.formData());
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		const { email, password } = form.data;
		const db = await useDatabase();
		const ip = getClientAddress();
		const throttle = await checkLoginThrottle(db, email, ip);
		if (throttle.blocked) {
			const minutes = `${throttle.retryAfterMinutes} minute${throttle.retryAfterMinutes === 1 ? '' : 's'}`;
			const message =
				throttle.reason === 'email'
					? `Too many failed sign-in attempts for this account. Wait ${minutes} and try again, or ask an admin to help.`
					: `Too many failed sign-in attempts from your network. Wait ${minutes} and try again.`;
			return fail(429, { errors: { form: message }, values: { email } });
		}
		const [found] = await db.select({ id: user.id, passwordHash: user.passwordHash }).from(user).where(eq(user.email, email));
		if (!found || !(await verifyPassword(found.passwordHash, password))) {
			await recordLoginFailure(db, email, ip);
			return fail(400, { errors: { form: 'That email and password do not match. Check both and try again.' }, values: { email } });
		}
		await clearLoginFailures(db, email);
		const token = generateSessionToken();
		const session = await createSession(db, token, found.id);
		setSessionCookie(cookies, url, token, session.expiresAt);
		redirect(303, safeNext(url.searchParams.get('next')));
	}
};
