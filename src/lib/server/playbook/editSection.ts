import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { requireWorkspace } from '../guard';
import { getRevision, InvalidPlaybookError, saveRevision, StaleRevisionError } from './revisions';
import { createProposal, ProposalError } from './proposals';
import { readForm } from '../../domain/forms/readForm';
import { sectionEditInput } from '../../domain/playbook/inputs';
import { appendSection, replaceSection } from '../../domain/playbook/editDocument';
import { findSection, type PlaybookDocument } from '../../domain/playbook/document';
import { mergeDocuments } from '../../domain/playbook/mergeDocuments';
import type { Database } from '../db/index';

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
		if (e instanceof StaleRevisionError) return failStale(db, workspace.id, e, base.document, edited.doc, slug ?? edited.slug, values);
		if (e instanceof InvalidPlaybookError)
			return fail(400, { errors: { form: 'The playbook cannot be saved like this:' }, values, problems: e.problems.map((p) => p.message) });
		if (e instanceof ProposalError) return fail(400, { errors: { form: e.message }, values });
		throw e;
	}
	redirect(303, `${playbook}/${edited.slug}`);
}

/**
 * Someone cut a revision while this edit was open. The edit is merged onto the current playbook:
 * when it merges cleanly the editor comes back with the merged text on the new revision (so one
 * more Save goes through, after the user has looked); when it overlaps, the user's text is kept
 * and the conflict is named. Nothing is saved without the user seeing it.
 */
async function failStale(
	db: Database,
	workspaceId: string,
	stale: StaleRevisionError,
	baseDoc: PlaybookDocument,
	editedDoc: PlaybookDocument,
	slug: string,
	values: Record<string, string>
) {
	const current = await getRevision(db, workspaceId, stale.current);
	const staleInfo = { from: stale.base, to: stale.current };
	if (!current) return fail(409, { errors: { form: stale.message }, values, stale: staleInfo });
	const merged = mergeDocuments(baseDoc, editedDoc, current.document, { labels: { ours: 'your edit', theirs: `revision ${current.number}` } });
	const section = findSection(merged.merged, slug);
	const next = { ...values, baseRevision: String(current.number) };
	if (merged.conflicts.length === 0 && section) {
		return fail(409, {
			errors: { form: `Someone saved revision ${current.number} while you were editing. Their changes are merged into your text below; check it, then save again.` },
			values: { ...next, title: section.title, body: section.body },
			stale: staleInfo
		});
	}
	return fail(409, {
		errors: { form: `${stale.message} Your edit overlaps theirs (${merged.conflicts.map((c) => c.message).join(' ')}). Your text is kept below; saving now replaces their version of this section.` },
		values: next,
		stale: staleInfo
	});
}
