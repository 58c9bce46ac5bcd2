import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { exportContactData } from '$lib/server/privacy/exportContactData';
import { isUuid } from '$lib/domain/forms/isUuid';
import { slugify } from '$lib/domain/crm/slug';

/** POST (it writes an audit entry): everything held about the contact, as a JSON download. */
export const POST: RequestHandler = async (event) => {
	const { db, workspace, userId, member } = await requireWorkspace(event, 'data.manage');
	const data = isUuid(event.params.id) ? await exportContactData(db, workspace.id, event.params.id, { userId, label: member.name }) : null;
	if (!data) error(404, { message: 'This contact does not exist in this workspace.' });
	const name = slugify(`${data.contact.firstName} ${data.contact.lastName}`);
	return new Response(JSON.stringify(data, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="personal-data-${name}-${data.exportedAt.slice(0, 10)}.json"`,
			'cache-control': 'no-store'
		}
	});
};
