import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { testDatabases } from '../../../../tests/databases';
import { startRealtimeServer, type Client } from '../../../../tests/realtimeClients';
import { makeAccount, makeUser, makeWorkspace } from '../../../../tests/factories';
import type { OpenDatabase } from '../db/index';
import { createSession } from '../sessions/sessions';
import { createSession as createAuthSession, generateSessionToken } from '../auth/session';
import { defaultAgenda, sessionPlanSchema, type VisibleSessionEvent } from '../../domain/session';
import type { CommandReply, JoinReply } from '../../realtime/events';

/**
 * Calibration ratings are sealed on the server: before a lead's reveal no client but the rater ever
 * receives a rating's score or reason, whether live, as a late joiner's state or in a reconnect's
 * catch-up. Real socket.io clients record every raw frame they receive, to prove what never came.
 */
describe.each(testDatabases())('sealed calibration ratings over socket.io on $name', ({ open }) => {
	let store: OpenDatabase;
	let live: Awaited<ReturnType<typeof startRealtimeServer>>;
	let url: string;
	let sessionId: string;
	const leads: Record<string, string> = {};
	const people: Record<string, { id: string; token: string }> = {};

	beforeAll(async () => {
		store = await open();
		const ws = await makeWorkspace(store.db);
		for (const [key, role, department] of [
			['fran', 'facilitator', 'success'],
			['sam', 'member', 'sales'],
			['mia', 'member', 'marketing'],
			['sue', 'member', 'support']
		] as const) {
			const u = await makeUser(store.db, { workspaceId: ws.id, role, department, name: key });
			const token = generateSessionToken();
			await createAuthSession(store.db, token, u.id);
			people[key] = { id: u.id, token };
		}
		for (const name of ['Acme', 'Globex']) leads[name] = (await makeAccount(store.db, ws.id, { name })).id;
		const agenda = [
			{ id: 'leads', title: 'Rate the new leads', plannedMinutes: 20, exercise: 'lead-calibration', accountIds: Object.values(leads) },
			...defaultAgenda()
		];
		const plan = sessionPlanSchema.parse({
			title: 'Lead calibration',
			objective: 'Agree what a qualified lead is',
			scheduledAt: '2026-03-04T10:00:00Z',
			participantIds: [people.sam.id, people.mia.id, people.sue.id],
			agenda
		});
		sessionId = await createSession(store.db, ws.id, { plan, facilitatorId: people.fran.id, createdBy: people.fran.id });
		live = await startRealtimeServer(async () => store.db);
		url = live.url;
	});
	afterAll(async () => {
		live.close();
		await store.close();
	});

	async function join(who: string, afterSeq?: number) {
		return live.join(people[who].token, sessionId, afterSeq);
	}


	const send = (socket: Client, command: Record<string, unknown>) =>
		socket.emitWithAck('session:command', { sessionId, command: { commandId: randomUUID(), ...command } }) as Promise<CommandReply>;
	const rate = (accountId: string, score: number, reason: string) => ({ type: 'calibration.rate', itemId: 'leads', accountId, score, reason });

	async function until(check: () => boolean) {
		for (let i = 0; i < 400 && !check(); i++) await new Promise((r) => setImmediate(r));
		expect(check()).toBe(true);
	}

	it('sends a rating’s score and reason to its rater only until the lead is revealed, live, to late joiners and on reconnect', async () => {
		const fran = await join('fran');
		const sam = await join('sam');
		const mia = await join('mia');
		expect(await send(fran.socket, { type: 'session.start' })).toMatchObject({ ok: true });
		await until(() => mia.events.some((e) => e.type === 'session.started'));
		const beforeRatings = mia.reply.ok ? mia.reply.lastSeq + 2 : 0; // after the start and the first timer

		const SAM_SECRET = 'SAM-SEALED-REASON-ACME';
		expect(await send(sam.socket, rate(leads.Acme, 87, SAM_SECRET))).toMatchObject({ ok: true });
		const MIA_SECRET = 'MIA-SEALED-REASON-ACME';
		expect(await send(mia.socket, rate(leads.Acme, 31, MIA_SECRET))).toMatchObject({ ok: true });
		await until(() => fran.events.filter((e) => e.type === 'calibration.ratingSealed').length === 2 && sam.events.some((e) => e.type === 'calibration.ratingSealed'));

		// Others learn who rated, never what: no score field, no reason, no department in any frame.
		expect(fran.all()).toContain('calibration.ratingSealed');
		for (const other of [fran, mia]) expect(other.all()).not.toContain(SAM_SECRET);
		for (const other of [fran, sam]) expect(other.all()).not.toContain(MIA_SECRET);
		expect(fran.all()).not.toContain('"score"');
		expect(fran.all()).not.toContain('calibration.rated"');
		// The rater sees their own rating, and may change it until the reveal.
		expect(sam.all()).toContain(SAM_SECRET);
		const SAM_CHANGED = 'SAM-CHANGED-HIS-MIND';
		expect(await send(sam.socket, rate(leads.Acme, 64, SAM_CHANGED))).toMatchObject({ ok: true });
		await until(() => fran.events.filter((e) => e.type === 'calibration.ratingSealed').length === 3);
		expect(fran.all()).not.toContain(SAM_CHANGED);

		// A late joiner's state and a reconnecting client's catch-up are projected too.
		const sue = await join('sue');
		const snapshot = JSON.stringify(sue.reply);
		expect(snapshot).toContain(people.sam.id);
		for (const secret of [SAM_SECRET, MIA_SECRET, SAM_CHANGED, '"score":64', '"score":31', '"score":87']) expect(snapshot).not.toContain(secret);
		const back = await join('mia', beforeRatings);
		const caughtUp = back.reply.ok ? (back.reply.events ?? []) : [];
		expect(caughtUp.map((e) => e.type)).toEqual(['calibration.ratingSealed', 'calibration.rated', 'calibration.ratingSealed']);
		expect(JSON.stringify(back.reply)).toContain(MIA_SECRET); // her own rating comes back…
		expect(JSON.stringify(back.reply)).not.toContain(SAM_CHANGED); // …Sam's does not
		expect(await send(sue.socket, { type: 'calibration.reveal', itemId: 'leads' })).toMatchObject({ ok: false, error: 'Only the facilitator of this session can do that.' });

		// A rating on another lead stays sealed after the first lead's reveal.
		const GLOBEX_SECRET = 'SUE-SEALED-REASON-GLOBEX';
		expect(await send(sue.socket, rate(leads.Globex, 12, GLOBEX_SECRET))).toMatchObject({ ok: true });
		expect(await send(fran.socket, { type: 'calibration.reveal', itemId: 'leads', accountId: leads.Acme })).toMatchObject({ ok: true });
		await until(() => [fran, sam, mia, sue].every((c) => c.all().includes(SAM_CHANGED) && c.all().includes(MIA_SECRET)));
		const revealed = fran.events.find((e) => e.type === 'calibration.revealed');
		expect(revealed).toMatchObject({ leads: [{ accountId: leads.Acme, ratings: { [people.sam.id]: { score: 64, department: 'sales' }, [people.mia.id]: { score: 31, department: 'marketing' } } }] });
		expect(JSON.stringify(revealed)).not.toContain(GLOBEX_SECRET);
		for (const other of [fran, sam, mia]) expect(other.all()).not.toContain(GLOBEX_SECRET);
		const late = await join('fran');
		expect(JSON.stringify(late.reply)).toContain(SAM_CHANGED);
		expect(JSON.stringify(late.reply)).not.toContain(GLOBEX_SECRET);

		expect(await send(fran.socket, { type: 'calibration.reveal', itemId: 'leads' })).toMatchObject({ ok: true });
		await until(() => [fran, sam, mia].every((c) => c.all().includes(GLOBEX_SECRET)));
	});
});
