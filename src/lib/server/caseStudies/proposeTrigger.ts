/**
 * "Propose as a playbook signal": opens a playbook proposal whose new section holds an
 * experimental signal block with the candidate rule and the trigger's measures over the store,
 * re-measured here (never taken from the browser).
 */
import { stringify } from 'yaml';
import type { Database } from '../db/index';
import { getCurrentRevision } from '../playbook/revisions';
import { createProposal, ProposalError } from '../playbook/proposals';
import { measureCandidateTrigger } from './measureCandidateTrigger';
import { listOutcomeAccounts } from './outcomeAccounts';
import { appendSection } from '../../domain/playbook/editDocument';
import { listSignals } from '../../domain/playbook/signalBlock';
import { slugify } from '../../domain/crm/slug';
import { OUTCOMES, type OutcomeKind } from '../../domain/caseStudies/outcomes';
import { formatLeadDays, formatLift, formatShare } from '../../domain/scoring/triggerMeasures';
import { escapeMarkdown as md, renderTable } from '../../domain/session/markdown';

export interface TriggerProposalInput {
	kind: OutcomeKind;
	rule: string;
	name: string;
	means: string;
	action: string;
	/** The accounts the team studied, named in the proposal. */
	accountIds: string[];
	authorId: string;
	sessionId?: string | null;
	lookbackDays?: number;
}

export type TriggerProposalResult = { ok: true; number: number } | { ok: false; problems: string[] };

function uniqueSignalId(name: string, taken: Set<string>): string {
	const base = slugify(name).replace(/[^a-z0-9-]/g, '').replace(/-+/g, '-').replace(/^-|-$/g, '').slice(0, 48) || 'case-study-trigger';
	let id = base;
	for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
	return id;
}

export async function proposeTrigger(db: Database, workspaceId: string, input: TriggerProposalInput, now = new Date()): Promise<TriggerProposalResult> {
	const measured = await measureCandidateTrigger(db, workspaceId, input.kind, input.rule, { now, lookbackDays: input.lookbackDays });
	if (!measured.ok) return { ok: false, problems: measured.problems };
	const outcome = OUTCOMES[input.kind];
	const current = await getCurrentRevision(db, workspaceId);
	const taken = new Set(listSignals(current.document).signals.map((s) => s.id));
	const id = uniqueSignalId(input.name, taken);
	const studied = (await listOutcomeAccounts(db, workspaceId, input.kind, { accountIds: input.accountIds })).sort(
		(a, b) => input.accountIds.indexOf(a.id) - input.accountIds.indexOf(b.id)
	);
	const m = measured.measures;
	const day = now.toISOString().slice(0, 10);
	const block = stringify(
		{ id, name: input.name, family: outcome.family, status: 'experimental', rule: measured.rule, means: input.means, action: input.action },
		{ lineWidth: 0 }
	).trimEnd();
	const body = [
		`From the ${outcome.title.toLowerCase()} on ${day}${studied.length ? `: the team read the timelines of ${studied.map((a) => md(a.name)).join(', ')} before they ${outcome.pastTense}` : ''}.`,
		'',
		'```signal',
		block,
		'```',
		'',
		`### Measured over the whole store on ${day}`,
		'',
		`In words: ${md(measured.words)}.`,
		'',
		renderTable(
			['Accounts measured', `${outcome.pastTense[0].toUpperCase()}${outcome.pastTense.slice(1)}`, 'Showing the trigger', `${outcome.pastTense[0].toUpperCase()}${outcome.pastTense.slice(1)} after showing it`, 'Recall', 'Precision', 'Base rate', 'Lift', 'Median lead time'],
			[[`${m.accounts}`, `${m.outcomes}`, `${m.showing}`, `${m.caught}`, formatShare(m.recall), formatShare(m.precision), formatShare(m.baseRate), formatLift(m.lift), formatLeadDays(m.medianLeadDays)]]
		),
		'',
		`Recall: ${m.caught} of ${m.outcomes} ${outcome.pastTense} accounts showed the trigger in the ${measured.lookbackDays} days before the ${outcome.noun}. ` +
			`Precision: ${m.caught} of ${m.showing} accounts showing it ${outcome.pastTense} afterwards, against a base rate of ${formatShare(m.baseRate)} (lift ${formatLift(m.lift)}). ` +
			`Median lead time: ${formatLeadDays(m.medianLeadDays)} between the firing and the ${outcome.noun}. ` +
			`Measured over accounts that have been customers, each in the ${measured.lookbackDays} days before its ${outcome.noun} or, without one, before today; a churned account counts as the customer it was.`
	].join('\n');
	const { doc } = appendSection(current.document, { title: `${outcome.title} trigger: ${input.name}`, body });
	try {
		const number = await createProposal(db, workspaceId, {
			title: `New ${outcome.family} signal: ${input.name}`,
			reason: `${outcome.title}: recall ${formatShare(m.recall)}, precision ${formatShare(m.precision)}, lift ${formatLift(m.lift)}, median lead time ${formatLeadDays(m.medianLeadDays)}.`,
			authorId: input.authorId,
			baseRevision: current.number,
			document: doc,
			sessionId: input.sessionId ?? null
		});
		return { ok: true, number };
	} catch (e) {
		if (e instanceof ProposalError) return { ok: false, problems: [e.message] };
		throw e;
	}
}
