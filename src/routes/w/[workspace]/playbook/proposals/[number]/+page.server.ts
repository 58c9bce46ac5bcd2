import { error, fail, redirect } from '@sveltejs/kit';

import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { getRevision, InvalidPlaybookError, StaleRevisionError } from '$lib/server/playbook/revisions';
import { addReview, closeProposal, getProposal, listReviews, mergeProposal, ProposalError } from '$lib/server/playbook/proposals';
import { renderPlainMarkdown } from '$lib/server/markdown/renderMarkdown';
import { diffDocuments } from '$lib/domain/playbook/diffDocuments';
import { reviewInput } from '$lib/domain/playbook/inputs';
import { readForm } from '$lib/domain/forms/readForm';
import { can } from '$lib/domain/auth/permissions';
import type { ConflictChoice } from '$lib/domain/playbook/mergeDocuments';
import { listRuleChanges } from '$lib/domain/playbook/signalChanges';
import { defaultBacktestDates, defaultBacktestPeriod, readBacktestPeriod } from '$lib/domain/scoring/backtestPeriod';
import { backtestRuleChanges, MAX_BACKTESTED_CHANGES } from '$lib/server/signals/backtestRuleChanges';

const numberOf = (event: { params: { number: string } }) => {
	const n = Number(event.params.number);
	if (!Number.isInteger(n) || n <= 0) error(404, { message: 'There is no such proposal.' });
	return n;
};

export const load: PageServerLoad = async (event) => {
	const { db, workspace } = await requireWorkspace(event);
	const proposal = await getProposal(db, workspace.id, numberOf(event));
	if (!proposal) error(404, { message: 'There is no such proposal in this workspace.' });
	const base = await getRevision(db, workspace.id, proposal.baseRevision);
	const reviews = await listReviews(db, workspace.id, proposal.id);
	const { document: _, ...rest } = proposal;
	// Rewritten rules are backtested before and after; streamed, so the page shows without waiting.
	const ruleChanges = base ? listRuleChanges(base.document, proposal.document) : [];
	const now = new Date();
	const asked = readBacktestPeriod(event.url.searchParams.get('from'), event.url.searchParams.get('to'), now);
	const chosen = asked.ok ? asked : { ...defaultBacktestDates(now), period: defaultBacktestPeriod(now) };
	return {
		ruleImpact: ruleChanges.length
			? {
					from: chosen.from,
					to: chosen.to,
					periodError: asked.ok ? null : asked.message,
					count: ruleChanges.length,
					limit: MAX_BACKTESTED_CHANGES
				}
			: null,
		ruleBacktests: ruleChanges.length ? backtestRuleChanges(db, workspace.id, ruleChanges, chosen.period) : null,
		proposal: { ...rest, reasonHtml: renderPlainMarkdown(proposal.reason) },
		sections: proposal.document.sections.map((s) => ({ slug: s.slug, title: s.title })),
		diff: base ? diffDocuments(base.document, proposal.document) : null,
		reviews: reviews.map((r) => ({ ...r, bodyHtml: r.body ? renderPlainMarkdown(r.body) : '' }))
	};
};

async function guardedFailure(run: () => Promise<unknown>) {
	try {
		await run();
		return null;
	} catch (e) {
		if (e instanceof ProposalError || e instanceof StaleRevisionError || e instanceof InvalidPlaybookError) return fail(400, { message: e.message });
		throw e;
	}
}

/** Reads "choice-<conflict id>" radios and "custom-<conflict id>" texts from the resolution form. */
function readChoices(form: FormData): Record<string, ConflictChoice> {
	const choices: Record<string, ConflictChoice> = {};
	for (const [key, value] of form.entries()) {
		if (!key.startsWith('choice-') || typeof value !== 'string') continue;
		const id = key.slice('choice-'.length);
		if (value === 'ours' || value === 'theirs') choices[id] = value;
		else if (value === 'custom') choices[id] = { custom: String(form.get(`custom-${id}`) ?? '') };
	}
	return choices;
}

export const actions: Actions = {
	review: async (event: RequestEvent) => {
		const form = readForm(reviewInput, await event.request.formData());
		const { db, workspace, userId, member } = await requireWorkspace(event, 'playbook.propose');
		if (!form.ok) return fail(400, { message: Object.values(form.errors)[0] });
		if (form.data.kind !== 'comment' && !can(member.role, 'playbook.review'))
			return fail(403, { message: 'Only facilitators and admins can approve or request changes. You can comment.' });
		if (form.data.kind === 'comment' && !form.data.body) return fail(400, { message: 'Write a comment first.' });
		return (await guardedFailure(() => addReview(db, workspace.id, numberOf(event), { authorId: userId, ...form.data }))) ?? { reviewed: true };
	},
	merge: async (event: RequestEvent) => {
		const { db, workspace, userId } = await requireWorkspace(event, 'playbook.review');
		const data = await event.request.formData();
		const against = Number(data.get('againstRevision'));
		let outcome;
		try {
			outcome = await mergeProposal(db, workspace.id, numberOf(event), {
				mergerId: userId,
				choices: readChoices(data),
				againstRevision: Number.isInteger(against) ? against : undefined
			});
		} catch (e) {
			if (e instanceof ProposalError || e instanceof StaleRevisionError || e instanceof InvalidPlaybookError) return fail(400, { message: e.message });
			throw e;
		}
		if (!outcome.ok) return fail(409, { conflicts: outcome.conflicts, currentRevision: outcome.currentRevision });
		redirect(303, `/w/${workspace.slug}/playbook/history/compare?from=${outcome.revision - 1}&to=${outcome.revision}`);
	},
	close: async (event: RequestEvent) => {
		const { db, workspace, userId, member } = await requireWorkspace(event, 'playbook.propose');
		const proposal = await getProposal(db, workspace.id, numberOf(event));
		if (!proposal) error(404, { message: 'There is no such proposal in this workspace.' });
		if (proposal.authorId !== userId && !can(member.role, 'playbook.review'))
			return fail(403, { message: 'Only the author or a reviewer can close a proposal.' });
		return (await guardedFailure(() => closeProposal(db, workspace.id, proposal.number))) ?? { closed: true };
	}
};

