import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { getRevision, latestRevisionNumber } from '$lib/server/playbook/revisions';
import { exportDocument } from '$lib/domain/playbook/exportFiles';
import { zipFiles } from '$lib/domain/playbook/zip';

/** Any revision as a zip of NN-slug.md files, the same layout as the repository's playbooks/ folder. */
export const GET: RequestHandler = async (event) => {
	const { db, workspace } = await requireWorkspace(event);
	const latest = await latestRevisionNumber(db, workspace.id);
	const asked = Number(event.url.searchParams.get('rev') ?? latest);
	const revision = Number.isInteger(asked) && asked > 0 ? await getRevision(db, workspace.id, asked) : null;
	if (!revision) error(404, { message: `There is no revision ${event.url.searchParams.get('rev')}; the playbook has revisions 1 to ${latest}.` });
	const bytes = zipFiles(exportDocument(revision.document));
	return new Response(Buffer.from(bytes), {
		headers: {
			'content-type': 'application/zip',
			'content-disposition': `attachment; filename="${workspace.slug}-playbook-rev-${revision.number}.zip"`
		}
	});
};
