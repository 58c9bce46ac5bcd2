/**
 * The weights proposal of a calibration: fit new signal weights to the consensus scores, check old
 * and new weights on past won and lost deals, and (when the team accepts) open a playbook proposal
 * with the new weights in the signal blocks, the agreed criteria and the ratings as evidence.
 */
import { mean } from 'simple-statistics';
import type { Database } from '../db/index';
import { getCurrentRevision } from '../playbook/revisions';
import { createProposal, ProposalError } from '../playbook/proposals';
import { getSession } from './sessions';
import { listMembers } from '../workspaces';
import { loadCalibrationLeads, loadScoringSignals, loadSignalFeatures } from './calibrationLeads';
import { loadClosedDealFeatures } from './closedDealSignals';
import { appendSection } from '../../domain/playbook/editDocument';
import { setSignalWeights } from '../../domain/playbook/setSignalWeights';
import { checkWeightsOnHistory, fitSignalWeights, type HistoryCheck, type WeightsProposal } from '../../domain/scoring/calibrationWeights';
import { escapeMarkdown as md, findCalibration, formatAlpha, projectStateFor, type Calibration } from '../../domain/session';
import { renderTable } from '../../domain/session/markdown';
import { DEPARTMENT_LABELS } from '../../domain/crm/vocabulary';

export interface CalibrationReview {
	sessionTitle: string;
	itemTitle: string;
	calibration: Calibration;
	leads: { id: string; name: string }[];
	proposal: WeightsProposal;
	history: HistoryCheck;
	/** Leads with a consensus score: what the fit used. */
	fitted: number;
}

/** Null when the session or its calibration item is not in this workspace. */
export async function reviewCalibrationWeights(
	db: Database,
	workspaceId: string,
	sessionId: string,
	itemId: string,
	viewerId: string,
	now = new Date()
): Promise<CalibrationReview | null> {
	const session = await getSession(db, workspaceId, sessionId);
	if (!session) return null;
	const item = session.state.plan.agenda.find((i) => i.id === itemId && i.exercise === 'lead-calibration');
	if (!item) return null;
	const state = projectStateFor(session.state, { userId: viewerId });
	const calibration = findCalibration(state, itemId) ?? { itemId, leads: [], criteria: null, agreement: { alpha: null, leads: 0, ratings: 0 } };
	const agreed = calibration.leads.filter((l) => l.revealed && l.consensus);
	const scoring = await loadScoringSignals(db, workspaceId);
	const [features, info, history] = await Promise.all([
		loadSignalFeatures(db, workspaceId, agreed.map((l) => l.accountId), scoring, now),
		loadCalibrationLeads(db, workspaceId, item.accountIds, now),
		loadClosedDealFeatures(db, workspaceId, scoring)
	]);
	const proposal = fitSignalWeights(
		scoring.signals.map((s) => ({ signalId: s.key, name: s.name, weight: s.weight })),
		agreed.map((l) => ({ leadId: l.accountId, consensus: l.consensus!.score, features: features.get(l.accountId) ?? {} }))
	);
	const after = Object.fromEntries(proposal.weights.map((w) => [w.signalId, w.after]));
	return {
		sessionTitle: session.title,
		itemTitle: item.title,
		calibration,
		leads: info.map((l) => ({ id: l.id, name: l.name })),
		proposal,
		history: checkWeightsOnHistory(history, scoring.weights, after),
		fitted: agreed.length
	};
}

/** Opens the playbook proposal of a reviewed calibration; its number. Refuses (ProposalError) when nothing would change. */
export async function proposeCalibrationWeights(
	db: Database,
	workspaceId: string,
	sessionId: string,
	itemId: string,
	authorId: string,
	now = new Date()
): Promise<number | null> {
	const review = await reviewCalibrationWeights(db, workspaceId, sessionId, itemId, authorId, now);
	if (!review) return null;
	if (review.fitted === 0) throw new ProposalError('Record a consensus score for at least one revealed lead first: the new weights are fitted to those scores.');
	const changed = review.proposal.weights.filter((w) => w.after !== w.weight);
	const current = await getCurrentRevision(db, workspaceId);
	const members = await listMembers(db, workspaceId);
	const person = (id: string) => {
		const m = members.find((x) => x.userId === id);
		return m ? `${md(m.name)} (${m.department ? DEPARTMENT_LABELS[m.department] : 'no department'})` : 'A former member';
	};
	const leadName = (id: string) => md(review.leads.find((l) => l.id === id)?.name ?? 'An account');
	const day = now.toISOString().slice(0, 10);
	const { proposal, history, calibration } = review;
	const figure = (x: number | null, digits = 1) => (x === null ? 'n/a' : x.toFixed(digits));
	const scored = new Map(proposal.leads.map((l) => [l.leadId, l]));
	const evidence = calibration.leads
		.filter((l) => l.revealed)
		.map((l) => {
			const scores = Object.values(l.ratings).map((r) => r.score!);
			const fit = scored.get(l.accountId);
			const ratings = Object.entries(l.ratings).map(([userId, r]) => `${person(userId)}: ${r.score}${r.reason ? ` “${md(r.reason)}”` : ''}`);
			return [leadName(l.accountId), ratings.join('; '), scores.length ? figure(mean(scores)) : '', l.consensus ? `${l.consensus.score}` : '', fit ? `${fit.before}` : '', fit ? `${fit.after}` : ''];
		});
	const body = [
		`From the lead qualification calibration “${md(review.itemTitle)}” in the session “${md(review.sessionTitle)}” on ${day}.`,
		'',
		'### Agreed criteria',
		'',
		calibration.criteria ? md(calibration.criteria.text) : '_No criteria were recorded._',
		'',
		'### New weights',
		'',
		renderTable(['Signal', 'Weight before', 'Weight after', 'Rated leads it fires on'], proposal.weights.map((w) => [md(w.name), `${w.weight}`, `${w.after}`, `${w.firingLeads}`])),
		'',
		`Mean absolute error against the consensus: ${figure(proposal.maeBefore)} before, ${figure(proposal.maeAfter)} after. ` +
			`On past deals (${history.won} won, ${history.lost} lost), ROC AUC ${figure(history.aucBefore, 2)} before, ${figure(history.aucAfter, 2)} after. ` +
			`Agreement between raters (Krippendorff's alpha, interval): ${formatAlpha(calibration.agreement.alpha)}.`,
		'',
		'### Evidence: the ratings',
		'',
		renderTable(['Lead', 'Ratings', 'Mean', 'Consensus', 'Model before', 'Model after'], evidence)
	].join('\n');
	const weighted = setSignalWeights(current.document, Object.fromEntries(changed.map((w) => [w.signalId, w.after])));
	const { doc } = appendSection(weighted, { title: `Lead qualification criteria ${day}`, body });
	return createProposal(db, workspaceId, {
		title: `Lead score weights from “${review.sessionTitle}”`,
		reason: `The team calibrated ${review.fitted} lead${review.fitted === 1 ? '' : 's'}; ${changed.length} signal weight${changed.length === 1 ? '' : 's'} change to match the consensus.`,
		authorId,
		baseRevision: current.number,
		document: doc,
		sessionId
	});
}
