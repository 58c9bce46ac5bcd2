import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { getCurrentRevision, getRevision } from '$lib/server/playbook/revisions';
import { getOnboarding, getReadingPath, markSectionRead } from '$lib/server/playbook/onboarding';
import { HEADING_ID_PREFIX, renderSectionHtml } from '$lib/server/playbook/render';
import { listHeadings } from '$lib/server/markdown/renderMarkdown';
import { findSection } from '$lib/domain/playbook/document';
import { countFiredAccounts } from '$lib/server/signals/firedCounts';
import { findSignalBlocks } from '$lib/domain/playbook/signalBlock';

export const load: PageServerLoad = async (event) => {
	const { db, workspace, userId } = await requireWorkspace(event);
	const current = await getCurrentRevision(db, workspace.id);
	const asked = Number(event.url.searchParams.get('rev'));
	const revision = Number.isInteger(asked) && asked > 0 && asked !== current.number ? await getRevision(db, workspace.id, asked) : current;
	if (!revision) error(404, { message: `There is no revision ${asked} of the playbook.` });
	const section = findSection(revision.document, event.params.slug);
	if (!section) error(404, { message: 'This playbook section does not exist (it may have been renamed or removed).' });
	const index = revision.document.sections.indexOf(section);
	const isCurrent = revision.number === current.number;
	const [path, onboarding, fired] = await Promise.all([
		getReadingPath(db, workspace.id),
		getOnboarding(db, workspace.id, userId),
		isCurrent ? countFiredAccounts(db, workspace.id) : Promise.resolve(undefined)
	]);
	const neighbour = (i: number) => {
		const s = revision.document.sections[i];
		return s ? { slug: s.slug, title: s.title } : null;
	};
	return {
		section: { slug: section.slug, title: section.title },
		/** Sections with signal cards, and ones about rules (the rule-language help), offer "Try a rule". */
		offerTry: findSignalBlocks(section.body).length > 0 || /\brules?\b/i.test(section.title),
		html: renderSectionHtml(section.body, undefined, fired),
		headings: listHeadings(section.body, { idPrefix: HEADING_ID_PREFIX }).filter((h) => h.depth <= 3),
		revision: { number: revision.number, isCurrent: revision.number === current.number, createdAt: revision.createdAt },
		previous: neighbour(index - 1),
		next: neighbour(index + 1),
		onPath: path.includes(section.slug) && onboarding !== null && !onboarding.finishedAt,
		readOnPath: onboarding?.sectionsRead.includes(section.slug) ?? false
	};
};

export const actions: Actions = {
	/** Marks this section read on the reader's onboarding path. */
	readOnPath: async (event) => {
		const { db, workspace, userId } = await requireWorkspace(event);
		const state = await markSectionRead(db, workspace.id, userId, event.params.slug);
		if (!state) return fail(400, { message: 'Start your reading path first.' });
		return { finished: state.finishedAt !== null };
	}
};
