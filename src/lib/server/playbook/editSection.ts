import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { requireWorkspace } from '../guard';
import { getRevision, InvalidPlaybookError, saveRevision, StaleRevisionError } from './revisions';
import { createProposal, ProposalError } from './proposals';
import { readForm } from '../../domain/forms/readForm';
import { sectionEditInput } from '../../domain/playbook/inputs';
import { appendSection, replaceSection } from '../../domain/playbook/editDocument';
import { findSection } from '../../domain/playbook/document';

/**
 * The section editor's two ways out: save a new revision directly (facilitators and admins) or
 * open a proposal for review (members). `slug` null means a new section.
 */
export async function submitSectionEdit(event: RequestEvent, slug: string | null, mode: 'save' | 'propose') {
	const { db, workspace, userId } = await requireWorkspace(event, mode === 'save' ? 'playbook.review' : 'playbook.propose');
	const form = readForm(sectionEditInput, await event.request.formData());
	if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
	const input = form.data;
	const values = { title: input.title, body: input.body, reason: input.reason, proposalTitle: input.proposalTitle ?? '', baseRevision: String(input.baseRevision) };
	const base = await getRevision(db, workspace.id, input.baseRevision);
	if (!base) return fail(400, { errors: { form: 'The revision this edit started from does not exist. Reload the page.' }, values });
	if (slug && !findSection(base.document, slug)) error(404, { message: 'This playbook section does not exist.' });
	const edited = slug
		? { doc: replaceSection(base.document, slug, input), slug }
		: appendSection(base.document, input);
	const playbook = `/w/${workspace.slug}/playbook`;
	try {
		if (mode === 'save') {
			await saveRevision(db, workspace.id, { baseRevision: base.number, document: edited.doc, authorId: userId, reason: input.reason });
		} else {
			const title = input.proposalTitle || `${slug ? 'Change' : 'Add'} “${input.title}”`;
			const number = await createProposal(db, workspace.id, { title, reason: input.reason, authorId: userId, baseRevision: base.number, document: edited.doc });
			redirect(303, `${playbook}/proposals/${number}`);
		}
	} catch (e) {
		if (e instanceof StaleRevisionError) return fail(409, { errors: { form: e.message }, values, stale: { from: e.base, to: e.current } });
		if (e instanceof InvalidPlaybookError)
			return fail(400, { errors: { form: 'The playbook cannot be saved like this:' }, values, problems: e.problems.map((p) => p.message) });
		if (e instanceof ProposalError) return fail(400, { errors: { form: e.message }, values });
		throw e;
	}
	redirect(303, `${playbook}/${edited.slug}`);
}
