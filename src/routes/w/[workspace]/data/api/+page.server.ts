import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { createApiToken, listApiTokens, revokeApiToken } from '$lib/server/api/apiTokens';
import { apiTokenInput } from '$lib/domain/api/scopes';

export const load: PageServerLoad = async (event) => {
	const { db, workspace } = await requireWorkspace(event, 'data.manage');
	return { tokens: await listApiTokens(db, workspace.id) };
};

export const actions: Actions = {
	create: async (event) => {
		const { db, workspace, userId, member } = await requireWorkspace(event, 'data.manage');
		const form = await event.request.formData();
		const values = { name: String(form.get('name') ?? ''), scopes: form.getAll('scopes').map(String), ratePerMinute: String(form.get('ratePerMinute') ?? '') };
		const parsed = apiTokenInput.safeParse(values);
		if (!parsed.success) {
			const errors: Record<string, string> = {};
			for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
			return fail(400, { errors, values });
		}
		const created = await createApiToken(db, workspace.id, { userId, name: member.name }, parsed.data);
		return { created: { name: parsed.data.name, secret: created.secret } };
	},
	revoke: async (event) => {
		const { db, workspace, userId, member } = await requireWorkspace(event, 'data.manage');
		const parsed = z.object({ tokenId: z.uuid() }).safeParse(Object.fromEntries(await event.request.formData()));
		if (!parsed.success || !(await revokeApiToken(db, workspace.id, { userId, name: member.name }, parsed.data.tokenId)))
			return fail(400, { revokeError: 'That token does not exist or was already revoked.' });
		return { revoked: true };
	}
};
