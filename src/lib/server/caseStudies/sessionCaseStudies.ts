/**
 * The case studies a live session's agenda plans: for each churn case study or upsell review
 * item, its accounts' aligned timelines (the three most recent outcomes when the plan names none
 * with that outcome).
 */
import type { Database } from '../db/index';
import type { AgendaItem } from '../../domain/session';
import { outcomeOfExercise, type OutcomeKind } from '../../domain/caseStudies/outcomes';
import { loadAlignedTimelines, type CaseTimelines } from './alignedTimelines';
import { listOutcomeAccounts } from './outcomeAccounts';

export interface SessionCaseStudy {
	itemId: string;
	kind: OutcomeKind;
	/** True when the plan named no account with the outcome and the most recent ones are shown. */
	suggested: boolean;
	timelines: CaseTimelines;
}

export async function loadSessionCaseStudies(db: Database, workspaceId: string, agenda: readonly AgendaItem[], now = new Date()): Promise<SessionCaseStudy[]> {
	const items = agenda.flatMap((item) => {
		const kind = outcomeOfExercise(item.exercise);
		return kind ? [{ item, kind }] : [];
	});
	return Promise.all(
		items.map(async ({ item, kind }) => {
			const planned = await loadAlignedTimelines(db, workspaceId, kind, item.accountIds, { now });
			if (planned.columns.length) return { itemId: item.id, kind, suggested: false, timelines: planned };
			const recent = await listOutcomeAccounts(db, workspaceId, kind, { limit: 3 });
			const timelines = await loadAlignedTimelines(db, workspaceId, kind, recent.map((a) => a.id), { now });
			return { itemId: item.id, kind, suggested: true, timelines };
		})
	);
}
