import type { LayoutServerLoad } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { getCurrentRevision } from '$lib/server/playbook/revisions';
import { listProposals } from '$lib/server/playbook/proposals';
import { listPendingAcknowledgements } from '$lib/server/playbook/acknowledgements';
import { can } from '$lib/domain/auth/permissions';

export const load: LayoutServerLoad = async (event) => {
	const { db, workspace, member, userId } = await requireWorkspace(event);
	const [current, open, acks] = await Promise.all([
		getCurrentRevision(db, workspace.id),
		listProposals(db, workspace.id, ['open', 'changes_requested', 'approved']),
		listPendingAcknowledgements(db, workspace.id, userId)
	]);
	return {
		current: { number: current.number, sections: current.document.sections.map((s) => ({ slug: s.slug, title: s.title })) },
		openProposals: open.length,
		pendingAcks: acks.length,
		canPropose: can(member.role, 'playbook.propose'),
		canReview: can(member.role, 'playbook.review'),
		canAdminPlaybook: can(member.role, 'playbook.admin')
	};
};
