import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { loadMergePreview } from '$lib/server/hygiene/mergePreview';
import { mergeContacts } from '$lib/server/commands/mergeContacts';
import { mergeAccounts } from '$lib/server/commands/mergeAccounts';
import { MergeError } from '$lib/server/commands/mergeSupport';
import { readMergeForm } from '$lib/domain/hygiene/mergeForm';
import { isUuid } from '$lib/domain/forms/isUuid';
import type { MergeKind } from '$lib/domain/hygiene/mergeFields';

const readKind = (value: string | null): MergeKind => {
	if (value === 'contact' || value === 'account') return value;
	error(400, { message: 'Choose what to merge: kind=contact or kind=account, with the two records as a and b.' });
};

export const load: PageServerLoad = async (event) => {
	const { db, workspace } = await requireWorkspace(event, 'data.manage');
	const params = event.url.searchParams;
	const kind = readKind(params.get('kind'));
	const a = params.get('a') ?? '';
	const b = params.get('b') ?? '';
	if (!isUuid(a) || !isUuid(b) || a === b) error(400, { message: 'Choose two different records to merge (from the hygiene page).' });
	const sides = await loadMergePreview(db, workspace.id, kind, [a, b]);
	if (!sides) error(404, { message: 'One of these records does not exist in this workspace (it may have been merged already).' });
	return { kind, sides };
};

export const actions: Actions = {
	default: async (event) => {
		const { db, workspace, userId, member } = await requireWorkspace(event, 'data.manage');
		const kind = readKind(event.url.searchParams.get('kind'));
		const form = Object.fromEntries([...(await event.request.formData()).entries()].map(([k, v]) => [k, String(v)]));
		const read = readMergeForm(kind, form);
		if (!read.ok) return fail(400, { mergeError: read.message });
		const actor = { userId, label: member.name };
		try {
			if (kind === 'contact') await mergeContacts(db, workspace.id, actor, read.data);
			else await mergeAccounts(db, workspace.id, actor, read.data);
		} catch (e) {
			if (e instanceof MergeError) return fail(e.status, { mergeError: e.message });
			throw e;
		}
		redirect(303, `/w/${workspace.slug}/${kind === 'contact' ? 'contacts' : 'accounts'}/${read.data.survivorId}?merged=1`);
	}
};
