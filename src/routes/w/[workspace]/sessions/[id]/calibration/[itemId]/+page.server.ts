import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { getSession } from '$lib/server/sessions/sessions';
import { proposeCalibrationWeights, reviewCalibrationWeights } from '$lib/server/sessions/calibrationProposal';
import { ProposalError } from '$lib/server/playbook/proposals';
import { isUuid } from '$lib/domain/forms/isUuid';
import { canFacilitate } from '$lib/domain/session';

const MISSING = 'This calibration does not exist in this workspace.';

export const load: PageServerLoad = async (event) => {
	const { db, workspace, userId, member } = await requireWorkspace(event);
	const review = isUuid(event.params.id) ? await reviewCalibrationWeights(db, workspace.id, event.params.id, event.params.itemId, userId) : null;
	if (!review) error(404, { message: MISSING });
	const session = (await getSession(db, workspace.id, event.params.id))!;
	const mayPropose = member.role !== 'viewer' && canFacilitate(session.state, { userId, role: member.role, department: member.department });
	return { review, sessionId: event.params.id, mayPropose };
};

export const actions: Actions = {
	propose: async (event) => {
		const { db, workspace, userId, member } = await requireWorkspace(event, 'playbook.propose');
		const session = isUuid(event.params.id) ? await getSession(db, workspace.id, event.params.id) : null;
		if (!session) error(404, { message: MISSING });
		if (!canFacilitate(session.state, { userId, role: member.role, department: member.department })) {
			return fail(403, { error: 'Only the facilitator of this session can open the weights proposal.' });
		}
		let number: number | null;
		try {
			number = await proposeCalibrationWeights(db, workspace.id, session.id, event.params.itemId, userId);
		} catch (e) {
			if (e instanceof ProposalError) return fail(400, { error: e.message });
			throw e;
		}
		if (number === null) error(404, { message: MISSING });
		redirect(303, `/w/${workspace.slug}/playbook/proposals/${number}`);
	}
};
