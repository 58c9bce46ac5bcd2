import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { loadSessionSummary } from '$lib/server/sessions/sessionSummary';
import { renderSessionSummary } from '$lib/domain/session';
import { isUuid } from '$lib/domain/forms/isUuid';

/** The session summary as a Markdown file to keep or paste elsewhere. */
export const GET: RequestHandler = async (event) => {
	const { db, workspace, userId } = await requireWorkspace(event);
	const summary = isUuid(event.params.id) ? await loadSessionSummary(db, workspace.id, event.params.id, userId) : null;
	if (!summary) error(404, { message: 'This session does not exist in this workspace.' });
	if (summary.state.status !== 'ended') error(409, { message: 'The summary can be exported once the session has ended.' });
	const slug = summary.session.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'session';
	const day = (summary.state.endedAt ?? summary.state.plan.scheduledAt).slice(0, 10);
	return new Response(renderSessionSummary(summary.state, summary.context), {
		headers: {
			'content-type': 'text/markdown; charset=utf-8',
			'content-disposition': `attachment; filename="${slug}-${day}.md"`,
			'cache-control': 'private, no-store'
		}
	});
};
