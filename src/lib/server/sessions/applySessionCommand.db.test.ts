import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { testDatabases } from '../../../../tests/databases';
import { makePlannedSession } from '../../../../tests/sessionFactory';
import type { OpenDatabase } from '../db/index';
import { task } from '../db/schema';
import { getSession } from './sessions';
import { applySessionCommand } from './applySessionCommand';
import { getProposal, listProposals } from '../playbook/proposals';
import type { SessionActor } from '../../domain/session';

describe.each(testDatabases())('ending a session on $name', ({ open }) => {
	let store: OpenDatabase;
	beforeAll(async () => {
		store = await open();
	});
	afterAll(() => store.close());

	it('turns action items into CRM tasks and agreed changes into one proposal linked to the session, in the same transaction', async () => {
		const { ws, fran, sam, acme, visit, sessionId } = await makePlannedSession(store.db);
		const as = (u: { id: string }, role: SessionActor['role'], department: SessionActor['department']) => ({ userId: u.id, role, department });
		const send = (actor: SessionActor, command: Record<string, unknown>) =>
			applySessionCommand(store.db, ws.id, sessionId, actor, { commandId: randomUUID(), ...command });
		const facilitator = as(fran, 'facilitator', 'success');
		const seller = as(sam, 'member', 'sales');

		expect(await send(facilitator, { type: 'session.start' })).toMatchObject({ ok: true });
		expect(await send(facilitator, { type: 'walkthrough.openAccount', accountId: acme.id })).toMatchObject({ ok: true });
		const tagId = randomUUID();
		expect(
			await applySessionCommand(store.db, ws.id, sessionId, seller, {
				commandId: tagId,
				type: 'tag.add',
				accountId: acme.id,
				activityId: visit.id,
				signal: { kind: 'playbook', signalId: 'pricing-page-repeat' },
				polarity: 'positive',
				interpretation: 'Budget holder is comparing plans'
			})
		).toMatchObject({ ok: true });
		expect(
			await send(seller, {
				type: 'tag.add',
				accountId: acme.id,
				activityId: visit.id,
				signal: { kind: 'playbook', signalId: 'no-such-signal' },
				polarity: 'risk',
				interpretation: 'x'
			})
		).toEqual({ ok: false, refusal: "The playbook has no signal 'no-such-signal'. Pick one from the list, or name a new one." });
		expect(await send(seller, { type: 'actionItem.add', title: 'Offer Acme a demo', ownerId: sam.id, dueOn: '2026-03-10', accountId: acme.id })).toMatchObject({ ok: true });
		expect(await send(facilitator, { type: 'playbookChange.agree', text: 'Two pricing visits in a day are enough', signalId: 'pricing-page-repeat', evidenceTagIds: [tagId] })).toMatchObject({ ok: true });
		// Nothing is written to the CRM until the end.
		expect(await store.db.select().from(task).where(eq(task.workspaceId, ws.id))).toEqual([]);

		expect(await send(facilitator, { type: 'session.end' })).toMatchObject({ ok: true });
		const tasks = await store.db.select().from(task).where(and(eq(task.workspaceId, ws.id), eq(task.accountId, acme.id)));
		expect(tasks.map((t) => [t.title, t.ownerId, t.dueOn, t.status])).toEqual([['Offer Acme a demo', sam.id, '2026-03-10', 'open']]);
		const [proposal] = await listProposals(store.db, ws.id);
		expect(proposal).toMatchObject({ sessionId, status: 'open', authorId: fran.id });
		const full = await getProposal(store.db, ws.id, proposal.number);
		const added = full!.document.sections.at(-1)!;
		expect(added.body).toContain('Two pricing visits in a day are enough');
		expect(added.body).toContain('Acme, event');
		expect(added.body).toContain('Budget holder is comparing plans');
		expect((await getSession(store.db, ws.id, sessionId))?.status).toBe('ended');
		// An ended session takes no more commands.
		expect(await send(seller, { type: 'insight.add', text: 'too late' })).toMatchObject({ ok: false });
	});
});
