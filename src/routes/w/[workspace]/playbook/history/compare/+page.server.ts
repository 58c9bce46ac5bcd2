import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireWorkspace } from '$lib/server/guard';
import { getRevision, latestRevisionNumber } from '$lib/server/playbook/revisions';
import { diffDocuments } from '$lib/domain/playbook/diffDocuments';

export const load: PageServerLoad = async (event) => {
	const { db, workspace } = await requireWorkspace(event);
	const latest = await latestRevisionNumber(db, workspace.id);
	const read = (name: string, fallback: number) => {
		const n = Number(event.url.searchParams.get(name) ?? fallback);
		return Number.isInteger(n) && n > 0 ? n : fallback;
	};
	const [from, to] = [read('from', Math.max(1, latest - 1)), read('to', latest)];
	const [a, b] = await Promise.all([getRevision(db, workspace.id, from), getRevision(db, workspace.id, to)]);
	if (!a || !b) error(404, { message: `Revision ${!a ? from : to} does not exist; the playbook has revisions 1 to ${latest}.` });
	return { from: { number: a.number, reason: a.reason }, to: { number: b.number, reason: b.reason }, diff: diffDocuments(a.document, b.document) };
};
