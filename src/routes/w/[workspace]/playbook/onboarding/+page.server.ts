import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { getCurrentRevision, getRevision } from '$lib/server/playbook/revisions';
import { getOnboarding, getReadingPath, setReadingPath, startOnboarding } from '$lib/server/playbook/onboarding';
import { listAcknowledgementStatus } from '$lib/server/playbook/acknowledgements';
import { diffDocuments } from '$lib/domain/playbook/diffDocuments';
import { can } from '$lib/domain/auth/permissions';

export const load: PageServerLoad = async (event) => {
	const { db, workspace, userId, member } = await requireWorkspace(event);
	const [current, path, progress] = await Promise.all([
		getCurrentRevision(db, workspace.id),
		getReadingPath(db, workspace.id),
		getOnboarding(db, workspace.id, userId)
	]);
	const pinned = progress ? await getRevision(db, workspace.id, progress.pinnedRevision) : null;
	const titles = new Map((pinned ?? current).document.sections.map((s) => [s.slug, s.title]));
	const sinceStart = progress?.finishedAt && pinned && pinned.number !== current.number ? diffDocuments(pinned.document, current.document).summary : [];
	return {
		path: path.map((slug) => ({ slug, title: titles.get(slug) ?? slug, read: progress?.sectionsRead.includes(slug) ?? false })),
		progress,
		sinceStart,
		allSections: current.document.sections.map((s) => ({ slug: s.slug, title: s.title, position: path.indexOf(s.slug) + 1 })),
		acknowledgements: can(member.role, 'playbook.admin') ? await listAcknowledgementStatus(db, workspace.id) : []
	};
};

export const actions: Actions = {
	start: async (event) => {
		const { db, workspace, userId } = await requireWorkspace(event);
		if ((await getReadingPath(db, workspace.id)).length === 0) return fail(400, { message: 'There is no reading path yet; an admin sets it up.' });
		await startOnboarding(db, workspace.id, userId, (await getCurrentRevision(db, workspace.id)).number);
		return { started: true };
	},
	/** Admins choose sections and their order: "position-<slug>" = 1, 2, 3…, blank = not on the path. */
	setPath: async (event) => {
		const { db, workspace, userId } = await requireWorkspace(event, 'playbook.admin');
		const data = await event.request.formData();
		const current = await getCurrentRevision(db, workspace.id);
		const chosen: { slug: string; position: number }[] = [];
		for (const s of current.document.sections) {
			const raw = String(data.get(`position-${s.slug}`) ?? '').trim();
			if (!raw) continue;
			const position = Number(raw);
			if (!Number.isInteger(position) || position < 1) return fail(400, { message: `Give “${s.title}” a whole number from 1 up, or leave it blank.` });
			chosen.push({ slug: s.slug, position });
		}
		chosen.sort((a, b) => a.position - b.position);
		await setReadingPath(db, workspace.id, chosen.map((c) => c.slug), userId);
		return { saved: true };
	}
};
