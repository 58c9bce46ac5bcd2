import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { getProposal, ProposalError, reviseProposal } from '$lib/server/playbook/proposals';
import { findSection } from '$lib/domain/playbook/document';
import { appendSection, replaceSection } from '$lib/domain/playbook/editDocument';
import { readForm } from '$lib/domain/forms/readForm';
import { requiredText } from '$lib/domain/forms/fields';

const NEW = 'new-section';

const revisionInput = z.object({
	title: requiredText('a section title', 120),
	body: z.string().max(100_000, 'Keep a section under 100,000 characters.').transform((b) => b.replace(/\r\n/g, '\n')),
	note: z.string().trim().max(2000, 'Keep the note under 2,000 characters.')
});

/** The proposal's author edits one more section (or adds one) inside their proposal. */
async function loadOwnProposal(event: RequestEvent<{ workspace: string; number: string; slug: string }>) {
	const { db, workspace, userId } = await requireWorkspace(event, 'playbook.propose');
	const number = Number(event.params.number);
	const proposal = Number.isInteger(number) ? await getProposal(db, workspace.id, number) : null;
	if (!proposal) error(404, { message: 'There is no such proposal in this workspace.' });
	if (proposal.authorId !== userId) error(403, { message: 'Only the author can change a proposal; comment on it instead.' });
	return { db, workspace, userId, proposal };
}

export const load: PageServerLoad = async (event) => {
	const { proposal } = await loadOwnProposal(event);
	const slug = event.params.slug;
	const section = slug === NEW ? { slug: NEW, title: '', body: '' } : findSection(proposal.document, slug);
	if (!section) error(404, { message: 'This section is not in the proposal.' });
	return { number: proposal.number, title: proposal.title, section, isNew: slug === NEW };
};

export const actions: Actions = {
	default: async (event) => {
		const { db, workspace, userId, proposal } = await loadOwnProposal(event);
		const form = readForm(revisionInput, await event.request.formData());
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		const slug = event.params.slug;
		const document = slug === NEW ? appendSection(proposal.document, form.data).doc : replaceSection(proposal.document, slug, form.data);
		try {
			await reviseProposal(db, workspace.id, proposal.number, { authorId: userId, document, note: form.data.note });
		} catch (e) {
			if (e instanceof ProposalError) return fail(400, { errors: { form: e.message } as Record<string, string>, values: form.data });
			throw e;
		}
		redirect(303, `/w/${workspace.slug}/playbook/proposals/${proposal.number}`);
	}
};
