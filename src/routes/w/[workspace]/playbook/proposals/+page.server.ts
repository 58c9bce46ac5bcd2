import type { PageServerLoad } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { listProposals, type ProposalStatus } from '$lib/server/playbook/proposals';

const VIEWS: Record<string, ProposalStatus[]> = {
	open: ['open', 'changes_requested', 'approved'],
	merged: ['merged'],
	closed: ['closed']
};

export const load: PageServerLoad = async (event) => {
	const { db, workspace } = await requireWorkspace(event);
	const view = event.url.searchParams.get('view') ?? 'open';
	const statuses = VIEWS[view] ?? VIEWS.open;
	return { view: VIEWS[view] ? view : 'open', proposals: await listProposals(db, workspace.id, statuses) };
};
