import { fail, redirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/guard';
import { user } from '$lib/server/db/schema';
import { hashPassword, verifyPassword } from '$lib/server/auth/password';
import { createSession, generateSessionToken, invalidateUserSessions } from '$lib/server/auth/session';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { readForm } from '$lib/domain/forms/readForm';
import { changePasswordInput } from '$lib/domain/auth/inputs';
import { listUserWorkspaces } from '$lib/server/workspaces';

export const load: PageServerLoad = async (event) => {
	const { user: me, db } = await requireUser(event);
	return { workspaces: await listUserWorkspaces(db, me.id) };
};

export const actions: Actions = {
	/** Changing the password signs out every session, then signs this browser back in. */
	password: async (event) => {
		const { user: me, db } = await requireUser(event);
		const form = readForm(changePasswordInput, await event.request.formData());
		if (!form.ok) return fail(400, { errors: form.errors });
		const [row] = await db.select({ passwordHash: user.passwordHash }).from(user).where(eq(user.id, me.id));
		if (!row || !(await verifyPassword(row.passwordHash, form.data.currentPassword)))
			return fail(400, { errors: { currentPassword: 'That is not your current password.' } as Record<string, string> });
		const passwordHash = await hashPassword(form.data.newPassword);
		const token = generateSessionToken();
		const session = await db.transaction(async (tx) => {
			await tx.update(user).set({ passwordHash }).where(eq(user.id, me.id));
			await invalidateUserSessions(tx, me.id);
			return createSession(tx, token, me.id);
		});
		setSessionCookie(event.cookies, event.url, token, session.expiresAt);
		redirect(303, '/settings?changed=1');
	}
};
