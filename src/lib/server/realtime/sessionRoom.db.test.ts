import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { testDatabases } from '../../../../tests/databases';
import { startRealtimeServer, type Client } from '../../../../tests/realtimeClients';
import { makeAccount, makeActivities, makeUser, makeWorkspace } from '../../../../tests/factories';
import type { OpenDatabase } from '../db/index';
import { createSession, getSession } from '../sessions/sessions';
import { createSession as createAuthSession, generateSessionToken } from '../auth/session';
import { projectStateFor, sessionPlanSchema, type VisibleSessionEvent } from '../../domain/session';
import { applySessionCommand } from '../sessions/applySessionCommand';
import { LiveClient } from '../../../../tests/fault/liveClient';
import type { CommandReply, JoinReply } from '../../realtime/events';

describe.each(testDatabases())('live session over socket.io on $name', ({ open }) => {
	let store: OpenDatabase;
	let live: Awaited<ReturnType<typeof startRealtimeServer>>;
	let url: string;
	let sessionId: string;
	let workspaceId: string;
	let accountId: string;
	let activityIds: number[];
	const people: Record<string, { id: string; token: string; name: string }> = {};

	beforeAll(async () => {
		store = await open();
		const ws = await makeWorkspace(store.db);
		workspaceId = ws.id;
		const other = await makeWorkspace(store.db);
		for (const [key, role, department, workspaceId] of [
			['fran', 'facilitator', 'success', ws.id],
			['sam', 'member', 'sales', ws.id],
			['sue', 'member', 'support', ws.id],
			['eve', 'owner', 'sales', other.id]
		] as const) {
			const u = await makeUser(store.db, { workspaceId, role, department, name: key });
			const token = generateSessionToken();
			await createAuthSession(store.db, token, u.id);
			people[key] = { id: u.id, token, name: u.name };
		}
		accountId = (await makeAccount(store.db, ws.id, { name: 'Acme' })).id;
		activityIds = (
			await makeActivities(store.db, ws.id, accountId, [
				{ type: 'pricing_visit', at: '2026-01-01T10:00:00Z' },
				{ type: 'ticket_opened', at: '2026-01-02T10:00:00Z', properties: { subject: 'SSO?', sentiment: 'neutral' } },
				{ type: 'product_login', at: '2026-01-03T10:00:00Z' }
			])
		).map((r) => r.id);
		const plan = sessionPlanSchema.parse({
			title: 'Weekly signal review',
			objective: 'Spot churn early',
			scheduledAt: '2026-03-04T10:00:00Z',
			participantIds: [people.sam.id, people.sue.id]
		});
		sessionId = await createSession(store.db, ws.id, { plan, facilitatorId: people.fran.id, createdBy: people.fran.id });
		live = await startRealtimeServer(async () => store.db);
		url = live.url;
	});
	afterAll(async () => {
		live.close();
		await store.close();
	});

	/** A real client that records every raw frame it receives, to prove what never reached it. */
	async function join(who: string, afterSeq?: number) {
		return live.join(people[who].token, sessionId, afterSeq);
	}


	const send = (socket: Client, command: Record<string, unknown>) =>
		socket.emitWithAck('session:command', { sessionId, command: { commandId: randomUUID(), ...command } }) as Promise<CommandReply>;

	async function until(check: () => boolean) {
		for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setImmediate(r));
		expect(check()).toBe(true);
	}

	it('runs a session: late joiners get the state, everyone sees commands in order, sealed answers stay sealed until the reveal', async () => {
		const fran = await join('fran');
		const sam = await join('sam');
		expect(fran.reply.ok && fran.reply.state?.status).toBe('planned');

		expect(await send(sam.socket, { type: 'session.start' })).toMatchObject({ ok: false });
		const started = await send(fran.socket, { type: 'session.start' });
		expect(started).toMatchObject({ ok: true });
		await until(() => sam.events.some((e) => e.type === 'session.started'));

		// A member tags an event; everyone sees it with the tagger's department.
		const tag = await send(sam.socket, {
			type: 'tag.add',
			accountId,
			activityId: activityIds[0],
			signal: { kind: 'new', name: 'pricing binge' },
			polarity: 'positive',
			interpretation: 'They are comparing plans'
		});
		expect(tag).toMatchObject({ ok: true });
		await until(() => fran.events.some((e) => e.type === 'tag.added'));
		expect(fran.events.find((e) => e.type === 'tag.added')).toMatchObject({ actorId: people.sam.id });

		// A late joiner gets the whole current state at once.
		const sue = await join('sue');
		expect(sue.reply.ok && sue.reply.state?.status).toBe('live');
		expect(sue.reply.ok && Object.keys(sue.reply.state?.tags ?? {})).toHaveLength(1);

		// Signal spotting: Sam's answer reaches nobody else before the reveal.
		const deal = await send(fran.socket, { type: 'spotting.deal', assignments: [{ userId: people.sam.id, accountId }, { userId: people.sue.id, accountId }] });
		expect(deal).toMatchObject({ ok: true });
		await until(() => sam.events.some((e) => e.type === 'spotting.dealt'));
		const dealt = sam.events.find((e) => e.type === 'spotting.dealt') as Extract<VisibleSessionEvent, { type: 'spotting.dealt' }>;
		const secret = 'SECRET-NOTE-ON-THE-TICKET';
		const answer = await send(sam.socket, {
			type: 'spotting.answer',
			dealId: dealt.dealId,
			positive: { activityId: activityIds[1], note: `${secret} upsell` },
			risk: { activityId: activityIds[2], note: `${secret} quiet` }
		});
		expect(answer).toMatchObject({ ok: true });
		await until(() => fran.events.some((e) => e.type === 'spotting.answerSealed') && sue.events.some((e) => e.type === 'spotting.answerSealed'));
		expect(sam.events.some((e) => e.type === 'spotting.answerSubmitted')).toBe(true);
		for (const other of [fran, sue]) {
			expect(other.frames.join('\n')).toContain('spotting.answerSealed'); // the capture works…
			expect(other.frames.join('\n')).not.toContain(secret); // …and the answer never came
		}
		// A reconnect snapshot is projected too.
		const snoop = await join('sue');
		expect(JSON.stringify(snoop.reply)).not.toContain(secret);

		expect(await send(fran.socket, { type: 'spotting.reveal', dealId: dealt.dealId })).toMatchObject({ ok: true });
		await until(() => sue.frames.join('\n').includes(secret));

		// A second round is sealed on its own: Sue's new answer reaches nobody else until this round's reveal.
		const second = await send(fran.socket, { type: 'spotting.deal', assignments: [{ userId: people.sam.id, accountId }, { userId: people.sue.id, accountId }] });
		expect(second).toMatchObject({ ok: true });
		await until(() => sue.events.filter((e) => e.type === 'spotting.dealt').length === 2);
		const secondDeal = (sue.events.filter((e) => e.type === 'spotting.dealt').at(-1) as Extract<VisibleSessionEvent, { type: 'spotting.dealt' }>).dealId;
		const secondSecret = 'SECOND-ROUND-SECRET-ON-THE-LOGIN';
		expect(await send(sam.socket, { type: 'spotting.answer', dealId: dealt.dealId, positive: { activityId: activityIds[0], note: 'late' }, risk: { activityId: activityIds[2], note: 'late' } })).toMatchObject({ ok: false, error: expect.stringMatching(/closed/) });
		expect(
			await send(sue.socket, {
				type: 'spotting.answer',
				dealId: secondDeal,
				positive: { activityId: activityIds[0], note: `${secondSecret} pricing` },
				risk: { activityId: activityIds[2], note: `${secondSecret} quiet` }
			})
		).toMatchObject({ ok: true });
		await until(() => fran.events.filter((e) => e.type === 'spotting.answerSealed').length === 2 && sam.events.some((e) => e.type === 'spotting.answerSealed'));
		for (const other of [fran, sam]) expect(other.frames.join('\n')).not.toContain(secondSecret);
		const lateJoiner = await join('sam');
		const snapshot = JSON.stringify(lateJoiner.reply);
		expect(snapshot).toContain(secret); // the first round, revealed, comes with the state…
		expect(snapshot).not.toContain(secondSecret); // …the second, sealed, does not
		expect(await send(fran.socket, { type: 'spotting.reveal', dealId: secondDeal })).toMatchObject({ ok: true });
		await until(() => sam.frames.join('\n').includes(secondSecret) && fran.frames.join('\n').includes(secondSecret));
	});

	it('delivers a burst of commands to everyone once each, in seq order, however they were committed together', async () => {
		const fran = await join('fran');
		const sue = await join('sue');
		const from = fran.reply.ok ? fran.reply.lastSeq : 0;
		const texts = Array.from({ length: 12 }, (_, i) => `Burst insight ${i}`);
		const replies = await Promise.all(texts.map((text) => send(fran.socket, { type: 'insight.add', text })));
		expect(replies.every((r) => r.ok)).toBe(true);
		const expected = replies.flatMap((r) => (r.ok ? r.seqs : [])).sort((a, b) => a - b);
		expect(expected).toEqual(texts.map((_, i) => from + 1 + i));
		for (const who of [fran, sue]) {
			await until(() => who.events.filter((e) => e.seq > from).length >= texts.length);
			const got = who.events.filter((e) => e.seq > from);
			expect(got.map((e) => e.seq)).toEqual(expected);
			expect(got.map((e) => (e as { text?: string }).text).sort()).toEqual([...texts].sort());
		}
	});

	it('applies a resent command once and answers it with the same events', async () => {
		const sam = await join('sam');
		const command = { type: 'insight.add', commandId: randomUUID(), text: 'Pricing visits precede SSO questions' };
		const first = (await sam.socket.emitWithAck('session:command', { sessionId, command })) as CommandReply;
		const again = (await sam.socket.emitWithAck('session:command', { sessionId, command })) as CommandReply;
		expect(first).toMatchObject({ ok: true, duplicate: false });
		expect(again).toEqual({ ...first, duplicate: true });
		const session = await getSession(store.db, workspaceId, sessionId);
		expect(Object.values(session!.state.insights).filter((i) => i.text === command.text)).toHaveLength(1);
	});

	it('catches a reconnecting client up with exactly the events it missed', async () => {
		const sue = await join('sue');
		const lastSeq = sue.reply.ok ? sue.reply.lastSeq : 0;
		const fran = await join('fran');
		await send(fran.socket, { type: 'insight.add', text: 'Missed by Sue' });
		const back = await join('sue', lastSeq);
		expect(back.reply.ok && back.reply.events?.map((e) => e.seq)).toEqual([lastSeq + 1]);
	});

	it('does not let a member of another workspace join, read or write the session', async () => {
		const eve = await join('eve');
		expect(eve.reply).toEqual({ ok: false, error: 'This session does not exist, or it belongs to a workspace you are not a member of.' });
		expect(await send(eve.socket, { type: 'insight.add', text: 'intrusion' })).toEqual({ ok: false, error: 'Join the session before sending to it.' });
		expect(eve.frames.join('\n')).not.toContain('Weekly signal review');
	});

	it('brings a client that missed a broadcast up to date at a heartbeat, without the client sending anything', async () => {
		const sue = new LiveClient(url, sessionId, people.sue.token);
		try {
			await sue.until(() => sue.state !== null, 10_000, 'the join');
			const before = sue.state!.lastSeq;
			// Committed but never broadcast: what an app process killed between its commit and its
			// broadcast leaves behind. No later event comes to reveal the gap.
			const fran = { userId: people.fran.id, role: 'facilitator' as const, department: 'success' as const };
			expect(await applySessionCommand(store.db, workspaceId, sessionId, fran, { type: 'insight.add', commandId: randomUUID(), text: 'Never broadcast' })).toMatchObject({ ok: true });
			await sue.until(() => sue.state?.lastSeq === before + 1, 10_000, 'the heartbeat catch-up');
			expect(sue.heartbeatCatchUps).toBeGreaterThanOrEqual(1);
			expect(sue.broadcastSeqs.has(before + 1)).toBe(false); // it came by the catch-up, not a broadcast
			expect(sue.acked).toEqual([]);
			expect(sue.state).toEqual(projectStateFor((await getSession(store.db, workspaceId, sessionId))!.state, { userId: people.sue.id }));
		} finally {
			sue.close();
		}
	});
});
