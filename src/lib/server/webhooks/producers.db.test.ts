import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../../tests/databases';
import { makeUser, makeWorkspace } from '../../../../tests/factories';
import { startReceiver } from '../../../../tests/webhookReceiver';
import type { OpenDatabase } from '../db/index';
import { createWebhookEndpoint } from './endpoints';
import { deliverDueWebhooks } from './deliverWebhooks';
import { enqueueWebhookEvent } from './enqueue';
import { addReview, createProposal, mergeProposal } from '../playbook/proposals';
import { getCurrentRevision } from '../playbook/revisions';
import { concludeSession } from '../sessions/concludeSession';
import { createLiveSession } from '../../domain/session/testSession';

describe.each(testDatabases())('webhook events from sessions, the playbook and other producers on $name', ({ open }) => {
	let store: OpenDatabase;
	beforeAll(async () => {
		store = await open();
	});
	afterAll(() => store.close());

	it('sends session.ended, playbook.revision_merged and producer-made signal.fired events to subscribers', async () => {
		const receiver = await startReceiver();
		try {
			const w = await makeWorkspace(store.db);
			const facilitator = await makeUser(store.db, { workspaceId: w.id, role: 'facilitator' });
			const member = await makeUser(store.db, { workspaceId: w.id, role: 'member' });
			await createWebhookEndpoint(store.db, w.id, { userId: facilitator.id, name: 'F' }, { url: receiver.url, description: null, events: ['session.ended', 'playbook.revision_merged', 'signal.fired'] });

			const state = { ...createLiveSession().state, actionItems: [], playbookChanges: [], endedAt: '2026-03-04T11:30:00.000Z' };
			const sessionId = '00000000-0000-4000-8000-000000000001';
			await store.db.transaction((tx) => concludeSession(tx, w.id, sessionId, state, { title: 'Churn review', endedBy: facilitator.id, accountNames: new Map() }));

			const base = await getCurrentRevision(store.db, w.id);
			const document = { sections: base.document.sections.map((s, i) => (i === 0 ? { ...s, body: s.body + '\nA new habit.\n' } : s)) };
			const number = await createProposal(store.db, w.id, { title: 'New habit', reason: 'Agreed', authorId: member.id, baseRevision: base.number, document });
			await addReview(store.db, w.id, number, { authorId: facilitator.id, kind: 'approve', body: '' });
			const merged = await mergeProposal(store.db, w.id, number, { mergerId: facilitator.id });

			await store.db.transaction((tx) => enqueueWebhookEvent(tx, w.id, 'signal.fired', { signal: { id: 'pricing-page-repeat' }, account: { id: 'a' }, firedAt: '2026-03-04T12:00:00Z' }));

			expect(await deliverDueWebhooks(store.db)).toBe(3);
			const bodies = receiver.received.map((r) => JSON.parse(r.body)).sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
			expect(bodies.map((b) => b.type)).toEqual(['session.ended', 'playbook.revision_merged', 'signal.fired']);
			expect(bodies[0].data).toMatchObject({ session: { id: sessionId, title: 'Churn review', endedAt: '2026-03-04T11:30:00.000Z' }, taskIds: [], proposalNumber: null });
			expect(bodies[1].data).toMatchObject({ revision: { number: merged.ok ? merged.revision : -1 }, proposal: { number, title: 'New habit' } });
		} finally {
			await receiver.close();
		}
	});
});
