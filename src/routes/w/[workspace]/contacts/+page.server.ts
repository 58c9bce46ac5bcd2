import type { PageServerLoad } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { listContacts } from '$lib/server/contacts';
import { CONTACT_LIFECYCLES, type ContactLifecycle } from '$lib/domain/crm/vocabulary';
import { pick } from '$lib/domain/forms/pick';

export const load: PageServerLoad = async (event) => {
	const { db, workspace } = await requireWorkspace(event);
	const params = event.url.searchParams;
	const filter = {
		q: params.get('q')?.slice(0, 100) ?? '',
		lifecycle: pick(CONTACT_LIFECYCLES, params.get('lifecycle')) as ContactLifecycle | null,
		page: Number(params.get('page')) || 1
	};
	return { filter, result: await listContacts(db, workspace.id, filter) };
};
