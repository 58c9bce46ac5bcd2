import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { testDatabases } from '../../../../tests/databases';
import { makeAccount, makeActivities, makeUser, makeWorkspace } from '../../../../tests/factories';
import type { OpenDatabase } from '../db/index';
import { createSession } from './sessions';
import { applySessionCommand } from './applySessionCommand';
import { countSessionOutcomes, listRecentWins } from './sessionOutcomes';
import { loadSessionSummary } from './sessionSummary';
import { renderSessionSummary, sessionPlanSchema, type SessionActor } from '../../domain/session';

describe.each(testDatabases())('session outcomes and summaries on $name', ({ open }) => {
	let store: OpenDatabase;
	beforeAll(async () => {
		store = await open();
	});
	afterAll(() => store.close());

	async function setUp() {
		const ws = await makeWorkspace(store.db);
		const fran = await makeUser(store.db, { workspaceId: ws.id, role: 'facilitator', department: 'success' });
		const sam = await makeUser(store.db, { workspaceId: ws.id, role: 'member', department: 'sales' });
		const tia = await makeUser(store.db, { workspaceId: ws.id, role: 'member', department: 'support' });
		const acme = await makeAccount(store.db, ws.id, { name: 'Acme' });
		const globex = await makeAccount(store.db, ws.id, { name: 'Globex' });
		const [a1, a2] = await makeActivities(store.db, ws.id, acme.id, [
			{ type: 'pricing_visit', at: '2026-01-01T10:00:00Z' },
			{ type: 'pricing_visit', at: '2026-01-02T10:00:00Z' }
		]);
		const [g1, g2] = await makeActivities(store.db, ws.id, globex.id, [
			{ type: 'product_login', at: '2026-01-03T10:00:00Z' },
			{ type: 'ticket_opened', at: '2026-01-04T10:00:00Z', properties: { subject: 'Export broken', sentiment: 'negative' } }
		]);
		const plan = sessionPlanSchema.parse({ title: 'Churn review', objective: 'Spot churn early', scheduledAt: '2026-03-04T10:00:00Z', participantIds: [sam.id, tia.id] });
		const sessionId = await createSession(store.db, ws.id, { plan, facilitatorId: fran.id, createdBy: fran.id });
		const actor = (id: string, role: SessionActor['role'], department: SessionActor['department']): SessionActor => ({ userId: id, role, department });
		const people = { fran: actor(fran.id, 'facilitator', 'success'), sam: actor(sam.id, 'member', 'sales'), tia: actor(tia.id, 'member', 'support') };
		const send = async (who: SessionActor, command: Record<string, unknown>, commandId = randomUUID()) => {
			const outcome = await applySessionCommand(store.db, ws.id, sessionId, who, { commandId, ...command });
			expect(outcome).toMatchObject({ ok: true });
			return commandId;
		};
		return { ws, sessionId, people, send, acme, globex, samName: sam.name, events: [a1.id, a2.id, g1.id, g2.id] };
	}

	it('counts what each session left behind and lists the newest wins of this workspace only', async () => {
		const { ws, sessionId, people, send, acme, samName } = await setUp();
		const other = await setUp();
		await send(people.fran, { type: 'session.start' });
		await send(people.sam, { type: 'win.record', kind: 'upsell', accountId: acme.id, text: 'Upsold after the pricing visits' });
		await send(people.sam, { type: 'win.record', kind: 'saved-account', accountId: null, text: 'Saved a renewal' });
		await send(people.sam, { type: 'insight.add', text: 'Pricing visits come first' });
		await other.send(other.people.fran, { type: 'session.start' });
		await other.send(other.people.sam, { type: 'win.record', kind: 'other', accountId: null, text: 'Not ours to see' });

		expect(await countSessionOutcomes(store.db, ws.id, [sessionId, other.sessionId])).toEqual({
			[sessionId]: { tags: 0, actionItems: 0, wins: 2, insights: 1 }
		});
		const wins = await listRecentWins(store.db, ws.id);
		expect(wins.map((w) => [w.text, w.kind, w.accountName, w.sessionTitle])).toEqual([
			['Saved a renewal', 'saved-account', null, 'Churn review'],
			['Upsold after the pricing visits', 'upsell', 'Acme', 'Churn review']
		]);
		expect(wins[0].recordedByName).toBe(samName);
	});

	it('summarises an ended session for a viewer: every spotting round, but not another participant’s unrevealed answer', async () => {
		const { ws, sessionId, people, send, acme, globex, events } = await setUp();
		await send(people.fran, { type: 'session.start' });
		const firstDeal = await send(people.fran, {
			type: 'spotting.deal',
			assignments: [
				{ userId: people.sam.userId, accountId: globex.id },
				{ userId: people.tia.userId, accountId: acme.id }
			]
		});
		await send(people.sam, { type: 'spotting.answer', dealId: firstDeal, positive: { activityId: events[2], note: 'ROUND-ONE-POSITIVE' }, risk: { activityId: events[3], note: 'ROUND-ONE-RISK' } });
		await send(people.fran, { type: 'spotting.reveal', dealId: firstDeal });
		const dealId = await send(people.fran, {
			type: 'spotting.deal',
			assignments: [
				{ userId: people.sam.userId, accountId: acme.id },
				{ userId: people.tia.userId, accountId: globex.id }
			]
		});
		await send(people.sam, { type: 'spotting.answer', dealId, positive: { activityId: events[0], note: 'SECRET-POSITIVE' }, risk: { activityId: events[1], note: 'SECRET-RISK' } });
		await send(people.sam, { type: 'actionItem.add', title: 'Call Acme', ownerId: people.sam.userId, dueOn: '2026-03-10', accountId: acme.id });
		await send(people.fran, { type: 'session.end' });

		const forTia = await loadSessionSummary(store.db, ws.id, sessionId, people.tia.userId);
		expect(forTia!.state.spottingRounds.map((r) => r.revealed)).toEqual([true, false]);
		expect(forTia!.state.spottingRounds[0].answers[people.sam.userId].answer?.positive.note).toBe('ROUND-ONE-POSITIVE');
		expect(forTia!.state.spottingRounds[1].answers[people.sam.userId]).toEqual({ answeredAt: expect.any(String), answer: null });
		expect(Object.keys(forTia!.eventLabels).map(Number).sort()).toEqual([events[2], events[3]].sort());
		expect(JSON.stringify(forTia)).not.toContain('SECRET-POSITIVE');
		const forSam = await loadSessionSummary(store.db, ws.id, sessionId, people.sam.userId);
		expect(forSam!.state.spottingRounds[1].answers[people.sam.userId].answer?.positive.note).toBe('SECRET-POSITIVE');

		const markdown = renderSessionSummary(forTia!.state, forTia!.context);
		expect(markdown).toContain('Spot churn early');
		expect(markdown).toContain('Call Acme');
		expect(markdown).toContain('ROUND-ONE-POSITIVE');
		expect(markdown).not.toContain('SECRET');
		// Tia never joined: she is listed apart from the two who took part.
		expect(forTia!.state.attendeeIds).toEqual([people.fran.userId, people.sam.userId]);
		expect(markdown).toContain('**Took part:** 2.');
		expect(markdown).toMatch(/Invited but did not join: .+\./);
		expect(markdown).toContain('Acme');
		expect(forTia!.context.accounts.map((a) => a.name).sort()).toEqual(['Acme', 'Globex']);
		// Another workspace cannot load it.
		const stranger = await makeWorkspace(store.db);
		expect(await loadSessionSummary(store.db, stranger.id, sessionId, people.tia.userId)).toBeNull();
	});
});
