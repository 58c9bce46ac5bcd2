import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { getCurrentRevision, getRevision } from '$lib/server/playbook/revisions';
import { getLastRead, markRead } from '$lib/server/playbook/reading';
import { acknowledgeSignalChange, listPendingAcknowledgements } from '$lib/server/playbook/acknowledgements';
import { getOnboarding, getReadingPath } from '$lib/server/playbook/onboarding';
import { diffDocuments } from '$lib/domain/playbook/diffDocuments';
import { listSignals } from '$lib/domain/playbook/signalBlock';
import { searchPlaybook } from '$lib/domain/playbook/searchPlaybook';
import { readForm } from '$lib/domain/forms/readForm';
import { rowNumber } from '$lib/domain/forms/fields';

export const load: PageServerLoad = async (event) => {
	const { db, workspace, userId } = await requireWorkspace(event);
	const current = await getCurrentRevision(db, workspace.id);
	let lastRead = await getLastRead(db, workspace.id, userId);
	if (lastRead === null) {
		// A first visit has nothing to catch up on: reading starts here.
		await markRead(db, workspace.id, userId, current.number);
		lastRead = current.number;
	}
	const since = lastRead < current.number ? await getRevision(db, workspace.id, lastRead) : null;
	const q = event.url.searchParams.get('q')?.slice(0, 100) ?? '';
	const { signals } = listSignals(current.document);
	const [acks, path, onboarding] = await Promise.all([
		listPendingAcknowledgements(db, workspace.id, userId),
		getReadingPath(db, workspace.id),
		getOnboarding(db, workspace.id, userId)
	]);
	return {
		q,
		hits: q ? searchPlaybook(current.document, q) : [],
		toc: current.document.sections.map((s) => ({
			slug: s.slug,
			title: s.title,
			signals: signals.filter((x) => x.sectionSlug === s.slug).length
		})),
		signalCount: signals.length,
		changed: since ? { from: since.number, to: current.number, summary: diffDocuments(since.document, current.document).summary } : null,
		acks,
		onboarding: path.length ? { path: path.length, read: onboarding?.sectionsRead.length ?? 0, started: !!onboarding, finished: !!onboarding?.finishedAt } : null
	};
};

export const actions: Actions = {
	markRead: async (event) => {
		const { db, workspace, userId } = await requireWorkspace(event);
		const form = readForm(z.object({ revision: rowNumber('Choose a revision.') }), await event.request.formData());
		if (!form.ok) return fail(400, { message: 'Choose a revision.' });
		await markRead(db, workspace.id, userId, form.data.revision);
		return { read: true };
	},
	acknowledge: async (event) => {
		const { db, workspace, userId } = await requireWorkspace(event);
		const form = readForm(z.object({ revision: rowNumber('Choose a revision.'), signalId: z.string().min(1).max(80) }), await event.request.formData());
		if (!form.ok || !(await acknowledgeSignalChange(db, workspace.id, userId, form.data.revision, form.data.signalId)))
			return fail(400, { message: 'That change was already acknowledged or does not exist.' });
		return { acknowledged: true };
	}
};
