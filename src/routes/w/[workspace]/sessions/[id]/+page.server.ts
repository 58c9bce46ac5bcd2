import { error } from '@sveltejs/kit';
import { inArray, and, eq } from 'drizzle-orm';
import type { PageServerLoad } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { getSession, listSessionParticipants } from '$lib/server/sessions/sessions';
import { getCurrentRevision } from '$lib/server/playbook/revisions';
import { listMembers } from '$lib/server/workspaces';
import { account } from '$lib/server/db/schema';
import { listSignals } from '$lib/domain/playbook/signalBlock';
import { isUuid } from '$lib/domain/forms/isUuid';
import { loadCalibrationLeads } from '$lib/server/sessions/calibrationLeads';
import { loadSessionCaseStudies } from '$lib/server/caseStudies/sessionCaseStudies';

export const load: PageServerLoad = async (event) => {
	const { db, workspace } = await requireWorkspace(event);
	const session = isUuid(event.params.id) ? await getSession(db, workspace.id, event.params.id) : null;
	if (!session) error(404, { message: 'This session does not exist in this workspace.' });
	const { state } = session;
	const accountIds = [
		...new Set([
			...state.plan.agenda.flatMap((i) => i.accountIds),
			...state.reviewedAccountIds,
			...state.actionItems.flatMap((a) => (a.accountId ? [a.accountId] : [])),
			...state.wins.flatMap((w) => (w.accountId ? [w.accountId] : []))
		])
	];
	const calibrationIds = [...new Set(state.plan.agenda.filter((i) => i.exercise === 'lead-calibration').flatMap((i) => i.accountIds))];
	const [participants, members, revision, accounts, calibrationLeads, caseStudies] = await Promise.all([
		listSessionParticipants(db, session.id),
		listMembers(db, workspace.id),
		getCurrentRevision(db, workspace.id),
		accountIds.length
			? db.select({ id: account.id, name: account.name }).from(account).where(and(eq(account.workspaceId, workspace.id), inArray(account.id, accountIds)))
			: Promise.resolve([]),
		loadCalibrationLeads(db, workspace.id, calibrationIds),
		loadSessionCaseStudies(db, workspace.id, state.plan.agenda)
	]);
	const { state: _, ...summary } = session;
	return {
		session: summary,
		participants,
		members: members.filter((m) => m.role !== 'viewer').map((m) => ({ id: m.userId, name: m.name, department: m.department })),
		signals: listSignals(revision.document).signals.filter((s) => s.status !== 'retired').map((s) => ({ id: s.id, name: s.name, family: s.family })),
		/** Names of the accounts this session plans or has touched; others are looked up as they appear. */
		accounts,
		/** The leads of calibration items: CRM behaviour, firing signals and the model's current score. */
		calibrationLeads,
		/** Churn case study and upsell review items: their accounts' timelines aligned on the outcome. */
		caseStudies
	};
};
