import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { testDatabases } from '../../../../tests/databases';
import { makePlannedSession } from '../../../../tests/sessionFactory';
import { makeAccount, makeActivities, makeUser, makeWorkspace } from '../../../../tests/factories';
import type { OpenDatabase } from '../db/index';
import { task } from '../db/schema';
import { getSession } from './sessions';
import { applySessionCommand, listEvents } from './applySessionCommand';
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

	it('applies commands that arrive together in arrival order, each with its own outcome, and dedups a resent one', async () => {
		const { ws, fran, sam, sessionId } = await makePlannedSession(store.db);
		const facilitator: SessionActor = { userId: fran.id, role: 'facilitator', department: 'success' };
		const seller: SessionActor = { userId: sam.id, role: 'member', department: 'sales' };
		expect(await applySessionCommand(store.db, ws.id, sessionId, facilitator, { commandId: randomUUID(), type: 'session.start' })).toMatchObject({ ok: true });
		const before = (await getSession(store.db, ws.id, sessionId))!.lastSeq;

		const resent = randomUUID();
		const sent = [
			{ actor: seller, command: { commandId: randomUUID(), type: 'insight.add', text: 'First' } },
			{ actor: seller, command: { commandId: resent, type: 'insight.add', text: 'Second' } },
			{ actor: seller, command: { commandId: randomUUID(), type: 'agenda.open', itemId: randomUUID() } },
			{ actor: seller, command: { commandId: resent, type: 'insight.add', text: 'Second' } },
			{ actor: facilitator, command: { commandId: randomUUID(), type: 'insight.add', text: 'Third' } }
		];
		// Sent without waiting: all but the first queue behind the first transaction and commit together.
		const outcomes = await Promise.all(sent.map(({ actor, command }) => applySessionCommand(store.db, ws.id, sessionId, actor, command)));

		expect(outcomes.map((o) => (o.ok ? (o.duplicate ? 'duplicate' : 'ok') : 'refused'))).toEqual(['ok', 'ok', 'refused', 'duplicate', 'ok']);
		const seqs = outcomes.flatMap((o, i) => (o.ok && i !== 3 ? o.events.map((e) => e.seq) : []));
		expect(seqs).toEqual(seqs.map((_, i) => before + 1 + i));
		expect(outcomes[3]).toMatchObject({ ok: true, events: (outcomes[1] as { events: unknown[] }).events });
		const log = await listEvents(store.db, sessionId, before);
		expect(log.map((e) => e.seq)).toEqual(seqs);
		expect(log.filter((e) => e.type === 'insight.added').map((e) => (e as { text?: string }).text)).toEqual(['First', 'Second', 'Third']);
		expect((await getSession(store.db, ws.id, sessionId))!.lastSeq).toBe(before + seqs.length);

		// Resent after commit (a reconnecting client), the command is answered with what it produced.
		const again = await applySessionCommand(store.db, ws.id, sessionId, seller, sent[1].command);
		expect(again).toMatchObject({ ok: true, duplicate: true, events: (outcomes[1] as { events: unknown[] }).events });
	});
	it('checks what every command of a group names against the workspace, including what the commands before it changed', async () => {
		const { ws, fran, sam, acme, visit, sessionId } = await makePlannedSession(store.db);
		const globex = await makeAccount(store.db, ws.id, { name: 'Globex' });
		const [call, ticket] = await makeActivities(store.db, ws.id, globex.id, [
			{ type: 'call_logged', at: '2026-01-02T10:00:00Z' },
			{ type: 'call_logged', at: '2026-01-03T10:00:00Z' }
		]);
		const elsewhere = await makeWorkspace(store.db, 'Another company');
		const outsider = await makeUser(store.db, { workspaceId: elsewhere.id, role: 'member', department: 'sales' });
		const theirs = await makeAccount(store.db, elsewhere.id, { name: 'Theirs' });
		const [theirVisit] = await makeActivities(store.db, elsewhere.id, theirs.id, [{ type: 'pricing_visit', at: '2026-01-01T10:00:00Z' }]);
		const facilitator: SessionActor = { userId: fran.id, role: 'facilitator', department: 'success' };
		const seller: SessionActor = { userId: sam.id, role: 'member', department: 'sales' };
		expect(await applySessionCommand(store.db, ws.id, sessionId, facilitator, { commandId: randomUUID(), type: 'session.start' })).toMatchObject({ ok: true });
		const tag = (accountId: string, activityId: number) => ({ type: 'tag.add', accountId, activityId, signal: { kind: 'new', name: 'Pricing interest' }, polarity: 'positive', interpretation: 'x' });
		const dealId = randomUUID();
		const sent: { actor: SessionActor; command: Record<string, unknown> }[] = [
			{ actor: seller, command: tag(acme.id, visit.id) },
			{ actor: seller, command: tag(acme.id, call.id) },
			{ actor: seller, command: tag(theirs.id, theirVisit.id) },
			{ actor: seller, command: tag(acme.id, theirVisit.id) },
			{ actor: facilitator, command: { type: 'actionItem.add', title: 'Call them', ownerId: outsider.id, dueOn: '2026-03-10' } },
			{ actor: facilitator, command: { type: 'spotting.deal', assignments: [{ userId: sam.id, accountId: globex.id }] }, id: dealId } as never,
			// Dealt Globex by the command just before (same group): Acme's visit is not on Globex's timeline.
			{ actor: seller, command: { type: 'spotting.answer', dealId, positive: { activityId: visit.id, note: 'a' }, risk: { activityId: call.id, note: 'b' } } },
			{ actor: seller, command: { type: 'spotting.answer', dealId, positive: { activityId: call.id, note: 'a' }, risk: { activityId: ticket.id, note: 'b' } } }
		].map((s) => ({ ...s, command: { commandId: (s as { id?: string }).id ?? randomUUID(), ...s.command } }));
		const outcomes = await Promise.all(sent.map(({ actor, command }) => applySessionCommand(store.db, ws.id, sessionId, actor, command)));

		expect(outcomes.map((o) => (o.ok ? 'ok' : o.refusal))).toEqual([
			'ok',
			'That event is not on this account’s timeline.',
			'That account is not in this workspace.',
			'That event is not on this account’s timeline.',
			'That person is not a member of this workspace who can take part.',
			'ok',
			'That event is not on this account’s timeline.',
			'ok'
		]);
	});
});
