import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../../tests/databases';
import { makeUser, makeWorkspace } from '../../../../tests/factories';
import type { OpenDatabase } from '../db/index';
import { getCurrentRevision, getRevision, InvalidPlaybookError, listRevisions, restoreRevision, saveRevision, StaleRevisionError } from './revisions';
import { addReview, createProposal, getProposal, listReviews, mergeProposal, ProposalError, reviseProposal } from './proposals';
import { getLastRead, markRead } from './reading';
import { acknowledgeSignalChange, listAcknowledgementStatus, listPendingAcknowledgements } from './acknowledgements';
import { getOnboarding, markSectionRead, setReadingPath, startOnboarding } from './onboarding';
import { loadStarterPlaybook } from './starter';
import type { PlaybookDocument } from '../../domain/playbook/document';

/** A copy of `doc` with one section's body passed through `edit`. */
function editSection(doc: PlaybookDocument, slug: string, edit: (body: string) => string): PlaybookDocument {
	return { sections: doc.sections.map((s) => (s.slug === slug ? { ...s, body: edit(s.body) } : s)) };
}

const HOW = 'how-we-use-this-playbook';
const BUYING = 'buying-signals';

describe.each(testDatabases())('the living playbook on $name', ({ open }) => {
	let store: OpenDatabase;
	beforeAll(async () => {
		store = await open();
	});
	afterAll(() => store.close());

	async function workspaceWithPeople() {
		const w = await makeWorkspace(store.db);
		const facilitator = await makeUser(store.db, { workspaceId: w.id, role: 'facilitator', department: 'success' });
		const member = await makeUser(store.db, { workspaceId: w.id, role: 'member', department: 'sales' });
		const seller = await makeUser(store.db, { workspaceId: w.id, role: 'member', department: 'sales' });
		return { w, facilitator, member, seller };
	}

	it('starts every workspace from the starter playbook as revision 1', async () => {
		const w = await makeWorkspace(store.db);
		const [first, again] = await Promise.all([getCurrentRevision(store.db, w.id), getCurrentRevision(store.db, w.id)]);
		expect(first.number).toBe(1);
		expect(again.number).toBe(1);
		expect(first.document).toEqual(loadStarterPlaybook());
		expect(await listRevisions(store.db, w.id)).toHaveLength(1);
	});

	it('never loses either of two saves made from the same revision', async () => {
		const { w, facilitator, member } = await workspaceWithPeople();
		const base = await getCurrentRevision(store.db, w.id);
		const mine = editSection(base.document, HOW, (b) => b + '\nMine.\n');
		const theirs = editSection(base.document, HOW, (b) => b + '\nTheirs.\n');
		const results = await Promise.allSettled([
			saveRevision(store.db, w.id, { baseRevision: 1, document: mine, authorId: facilitator.id, reason: 'a' }),
			saveRevision(store.db, w.id, { baseRevision: 1, document: theirs, authorId: member.id, reason: 'b' })
		]);
		const won = results.filter((r) => r.status === 'fulfilled');
		const lost = results.filter((r) => r.status === 'rejected');
		expect(won).toHaveLength(1);
		expect(lost).toHaveLength(1);
		expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(StaleRevisionError);
		expect((lost[0] as PromiseRejectedResult).reason.message).toMatch(/Someone saved revision 2 while you were editing revision 1/);
		expect((await getCurrentRevision(store.db, w.id)).number).toBe(2);
	});

	it('refuses a revision whose stable signal has a rule nobody can run', async () => {
		const { w, facilitator } = await workspaceWithPeople();
		const base = await getCurrentRevision(store.db, w.id);
		const broken = editSection(base.document, BUYING, (b) => b.replace('count(pricing_visit) >= 3 within 1d', 'count(pricing_visit) >= 3 within tomorrow'));
		await expect(saveRevision(store.db, w.id, { baseRevision: base.number, document: broken, authorId: facilitator.id, reason: 'oops' })).rejects.toBeInstanceOf(
			InvalidPlaybookError
		);
		expect((await getCurrentRevision(store.db, w.id)).number).toBe(base.number);
	});

	it('merges an approved proposal cleanly when the playbook changed elsewhere meanwhile', async () => {
		const { w, facilitator, member } = await workspaceWithPeople();
		const base = await getCurrentRevision(store.db, w.id);
		const proposed = editSection(base.document, BUYING, (b) => b.replace('count(pricing_visit) >= 3 within 1d', 'count(pricing_visit) >= 2 within 1d'));
		const number = await createProposal(store.db, w.id, { title: 'Two visits are enough', reason: 'Seen in three sessions', authorId: member.id, baseRevision: base.number, document: proposed });
		await saveRevision(store.db, w.id, { baseRevision: base.number, document: editSection(base.document, HOW, (b) => b + '\nA note.\n'), authorId: facilitator.id, reason: 'note' });

		await expect(mergeProposal(store.db, w.id, number, { mergerId: facilitator.id })).rejects.toThrow(/needs an approval/);
		await expect(addReview(store.db, w.id, number, { authorId: member.id, kind: 'approve', body: '' })).rejects.toBeInstanceOf(ProposalError);
		await addReview(store.db, w.id, number, { authorId: facilitator.id, kind: 'approve', body: 'Agreed in the session' });
		const merged = await mergeProposal(store.db, w.id, number, { mergerId: facilitator.id });
		expect(merged).toEqual({ ok: true, revision: base.number + 2 });
		const current = await getCurrentRevision(store.db, w.id);
		const buying = current.document.sections.find((s) => s.slug === BUYING)!.body;
		const how = current.document.sections.find((s) => s.slug === HOW)!.body;
		expect(buying).toContain('count(pricing_visit) >= 2 within 1d');
		expect(how).toContain('A note.');
		expect(current.proposalNumber).toBe(number);
		expect((await getProposal(store.db, w.id, number))?.status).toBe('merged');
	});

	it('shows overlapping changes as conflicts and merges only with the reviewer’s resolution', async () => {
		const { w, facilitator, member } = await workspaceWithPeople();
		const base = await getCurrentRevision(store.db, w.id);
		const rule = 'count(pricing_visit) >= 3 within 1d';
		const number = await createProposal(store.db, w.id, {
			title: 'Lower threshold',
			reason: 'r',
			authorId: member.id,
			baseRevision: base.number,
			document: editSection(base.document, BUYING, (b) => b.replace(rule, 'count(pricing_visit) >= 2 within 1d'))
		});
		await saveRevision(store.db, w.id, {
			baseRevision: base.number,
			document: editSection(base.document, BUYING, (b) => b.replace(rule, 'count(pricing_visit) >= 4 within 2d')),
			authorId: facilitator.id,
			reason: 'stricter'
		});
		await addReview(store.db, w.id, number, { authorId: facilitator.id, kind: 'approve', body: '' });
		const first = await mergeProposal(store.db, w.id, number, { mergerId: facilitator.id });
		expect(first.ok).toBe(false);
		if (first.ok) return;
		expect(first.conflicts).toHaveLength(1);
		const [conflict] = first.conflicts;
		expect(conflict.ours).toContain('>= 2 within 1d');
		expect(conflict.theirs).toContain('>= 4 within 2d');
		expect((await getCurrentRevision(store.db, w.id)).number).toBe(base.number + 1);

		const resolved = await mergeProposal(store.db, w.id, number, {
			mergerId: facilitator.id,
			againstRevision: first.currentRevision,
			choices: { [conflict.id]: { custom: conflict.ours!.replace('>= 2 within 1d', '>= 3 within 2d') } }
		});
		expect(resolved).toEqual({ ok: true, revision: base.number + 2 });
		const body = (await getCurrentRevision(store.db, w.id)).document.sections.find((s) => s.slug === BUYING)!.body;
		expect(body).toContain('count(pricing_visit) >= 3 within 2d');
		expect(body).not.toContain('<<<<<<<');
	});

	it('lets the author revise a proposal across sections after changes are requested, sending it back to review', async () => {
		const { w, facilitator, member } = await workspaceWithPeople();
		const base = await getCurrentRevision(store.db, w.id);
		const first = editSection(base.document, HOW, (b) => b + '\nFirst idea.\n');
		const number = await createProposal(store.db, w.id, { title: 't', reason: 'r', authorId: member.id, baseRevision: base.number, document: first });
		await addReview(store.db, w.id, number, { authorId: facilitator.id, kind: 'request_changes', body: 'Also touch the buying section' });
		expect((await getProposal(store.db, w.id, number))?.status).toBe('changes_requested');
		await expect(reviseProposal(store.db, w.id, number, { authorId: facilitator.id, document: first, note: '' })).rejects.toBeInstanceOf(ProposalError);
		const second = editSection(first, BUYING, (b) => b + '\nSecond idea.\n');
		await reviseProposal(store.db, w.id, number, { authorId: member.id, document: second, note: 'Done' });
		const revised = await getProposal(store.db, w.id, number);
		expect(revised?.status).toBe('open');
		expect(revised?.document).toEqual(second);
		expect((await listReviews(store.db, w.id, revised!.id)).map((r) => r.body)).toEqual(['Also touch the buying section', 'Done']);
	});

	it('tracks what each reader last read, never backwards', async () => {
		const { w, member } = await workspaceWithPeople();
		expect(await getLastRead(store.db, w.id, member.id)).toBeNull();
		await markRead(store.db, w.id, member.id, 3);
		await markRead(store.db, w.id, member.id, 2);
		expect(await getLastRead(store.db, w.id, member.id)).toBe(3);
	});

	it('asks the notified department to acknowledge a changed signal, and shows admins who did', async () => {
		const { w, facilitator, member, seller } = await workspaceWithPeople();
		const base = await getCurrentRevision(store.db, w.id);
		const doc = editSection(base.document, BUYING, (b) => b.replace('count(pricing_visit) >= 3 within 1d', 'count(pricing_visit) >= 2 within 1d'));
		await saveRevision(store.db, w.id, { baseRevision: base.number, document: doc, authorId: member.id, reason: 'threshold' });
		// pricing-page-repeat notifies sales: the other seller is asked; the author and success are not.
		const pending = await listPendingAcknowledgements(store.db, w.id, seller.id);
		expect(pending).toEqual([expect.objectContaining({ signalId: 'pricing-page-repeat', revision: base.number + 1, department: 'sales' })]);
		expect(pending[0].changes).toContain('threshold 3 → 2');
		expect(await listPendingAcknowledgements(store.db, w.id, member.id)).toEqual([]);
		expect(await listPendingAcknowledgements(store.db, w.id, facilitator.id)).toEqual([]);
		expect(await acknowledgeSignalChange(store.db, w.id, seller.id, base.number + 1, 'pricing-page-repeat')).toBe(true);
		expect(await listPendingAcknowledgements(store.db, w.id, seller.id)).toEqual([]);
		const status = await listAcknowledgementStatus(store.db, w.id);
		expect(status.map((s) => [s.userName, s.acknowledgedAt !== null])).toEqual([[seller.name, true]]);
	});

	it('restores an old revision as a new one, keeping history', async () => {
		const { w, facilitator } = await workspaceWithPeople();
		const base = await getCurrentRevision(store.db, w.id);
		await saveRevision(store.db, w.id, { baseRevision: 1, document: editSection(base.document, HOW, () => 'Replaced.\n'), authorId: facilitator.id, reason: 'x' });
		const restored = await restoreRevision(store.db, w.id, 1, facilitator.id);
		expect(restored.number).toBe(3);
		expect(restored.restoredFrom).toBe(1);
		expect(restored.document).toEqual(base.document);
		expect((await listRevisions(store.db, w.id)).map((r) => r.number)).toEqual([3, 2, 1]);
	});

	it('finds no revision or proposal for a number past the integer column, instead of a database error', async () => {
		const { w, facilitator } = await workspaceWithPeople();
		for (const n of [99999999999, 1e20, 0, -1, 1.5]) {
			expect(await getRevision(store.db, w.id, n), String(n)).toBeNull();
			expect(await getProposal(store.db, w.id, n), String(n)).toBeNull();
		}
		await expect(restoreRevision(store.db, w.id, 99999999999, facilitator.id)).rejects.toThrow('There is no revision 99999999999.');
		await expect(addReview(store.db, w.id, 99999999999, { authorId: facilitator.id, kind: 'comment', body: 'x' })).rejects.toThrow(new ProposalError('There is no proposal #99999999999.'));
	});

	it('walks a new hire along the reading path, pinned to the revision they started on', async () => {
		const { w, facilitator, member } = await workspaceWithPeople();
		await setReadingPath(store.db, w.id, [HOW, BUYING, HOW], facilitator.id);
		const started = await startOnboarding(store.db, w.id, member.id, 1);
		expect(started.pinnedRevision).toBe(1);
		expect((await markSectionRead(store.db, w.id, member.id, HOW))?.finishedAt).toBeNull();
		await markSectionRead(store.db, w.id, member.id, 'not-on-the-path');
		const done = await markSectionRead(store.db, w.id, member.id, BUYING);
		expect(done?.sectionsRead).toEqual([HOW, BUYING]);
		expect(done?.finishedAt).toBeInstanceOf(Date);
		expect((await getOnboarding(store.db, w.id, member.id))?.pinnedRevision).toBe(1);
	});
});
