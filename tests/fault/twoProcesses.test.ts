/**
 * Never lose input across app nodes (issue 4, test b): two `node scripts/start.js` processes on one
 * PostgreSQL, joined by the socket.io Postgres adapter. Half the clients talk to each process;
 * they see each other's events live and in order, one process is SIGKILLed and restarted midway,
 * and in the end every client's state equals the server's and every command landed exactly once.
 * Runs where TEST_DATABASE_URL names a PostgreSQL server (CI); a scratch database is made per run.
 */
import { afterAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { eq } from 'drizzle-orm';
import { openDatabase } from '../../src/lib/server/db/index';
import { practiceSession, sessionEvent } from '../../src/lib/server/db/schema';
import { replaySession, type SessionPlan, type SessionState } from '../../src/lib/domain/session';
import { getSession } from '../../src/lib/server/sessions/sessions';
import { listEvents } from '../../src/lib/server/sessions/sessionState';
import { attachRealtime } from '../../src/lib/server/realtime/attachRealtime';
import { clusteredServers } from '../../src/lib/server/realtime/postgresAdapter';
import { freePort, isBuilt, killApp, startApp, stopApp, type AppProcess } from './appProcess';
import { LiveClient, whenAny, within } from './liveClient';
import { seedLiveSession } from './seedLiveSession';

const CLIENTS = 20;
const COMMANDS = 400;
const PER_CLIENT = COMMANDS / CLIENTS;
const WINDOW = 4;
const KILL_AT = 150;

describe('the realtime server on one node', () => {
	it('keeps socket.io in memory without DATABASE_URL (nothing to share)', async () => {
		const server = http.createServer();
		const io = attachRealtime(server, { database: () => Promise.reject(new Error('unused')), env: { ORIGIN: 'http://localhost' } });
		expect(clusteredServers.has(io)).toBe(false);
		await io.close();
	});
});

const adminUrl = process.env.TEST_DATABASE_URL;

describe.each(adminUrl ? [adminUrl] : [])('two app processes on PostgreSQL', (adminUrl) => {
	const name = `sr_fault_${randomBytes(6).toString('hex')}`;
	const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	const apps: (AppProcess | null)[] = [null, null];
	const clients: LiveClient[] = [];

	afterAll(async () => {
		for (const c of clients) c.close();
		for (const app of apps) if (app) await killApp(app);
		await admin.unsafe(`drop database if exists ${name} with (force)`);
		await admin.end();
	});

	it(
		'shows every client the events of both processes in order, through a SIGKILL of one, and lands every command once',
		async () => {
			expect(isBuilt(), 'build the app first: npm run build (npm test does)').toBe(true);
			await admin.unsafe(`create database ${name}`);
			const seeded = await (async () => {
				const store = await openDatabase({ url: url.toString() });
				try {
					return await seedLiveSession(store.db, CLIENTS);
				} finally {
					await store.close();
				}
			})();
			const ports = [await freePort(), await freePort()];
			const origins = ports.map((p) => `http://127.0.0.1:${p}`);
			const envOf = (i: number) => ({ DATABASE_URL: url.toString(), PORT: String(ports[i]), ORIGIN: origins[i] });
			[apps[0], apps[1]] = await Promise.all([startApp(envOf(0)), startApp(envOf(1))]);

			const nodeOf = (ci: number) => ci % 2;
			seeded.people.forEach((person, ci) => clients.push(new LiveClient(origins[nodeOf(ci)], seeded.sessionId, person.token)));
			await Promise.all(clients.map((c) => c.until(() => c.state !== null, 30_000, 'the first join')));

			const answered = () => clients.reduce((n, c) => n + c.acked.length, 0);
			const killer = (async () => {
				await whenAny(clients, () => answered() >= KILL_AT, 60_000, `${KILL_AT} answers`);
				await killApp(apps[0]!);
				apps[0] = await startApp(envOf(0));
			})();

			const authorOf = new Map<string, number>(); // text -> client index
			const sending = clients.map(async (client, ci) => {
				const inFlight = new Set<Promise<unknown>>();
				for (let i = 0; i < PER_CLIENT; i++) {
					const text = `insight ${ci}-${i}`;
					authorOf.set(text, ci);
					const p = client.send({ type: 'insight.add', text }).then((reply) => {
						expect(reply, text).toMatchObject({ ok: true });
						inFlight.delete(p);
					});
					inFlight.add(p);
					if (inFlight.size >= WINDOW) await Promise.race(inFlight);
				}
				await Promise.all(inFlight);
			});
			const diagnose = (e: unknown) => {
				console.log(clients.map((c, ci) => `${ci}@${nodeOf(ci)}: seq ${c.state?.lastSeq} acked ${c.acked.length} pending ${c.pending.size} joins ${c.joins} connected ${c.socket.connected}`).join('\n'));
				console.log(apps.map((a) => a?.output()).join('\n-----\n'));
				throw e;
			};
			await within(Promise.race([Promise.all(sending), killer.then(() => new Promise(() => {}))]), 60_000, 'every command answered').catch(diagnose);
			await killer;

			const lastSeq = seeded.startSeq + COMMANDS;
			await Promise.all(clients.map((c) => c.until(() => c.state?.lastSeq === lastSeq, 10_000, `seq ${lastSeq}`))).catch(diagnose);
			for (const c of clients) c.close();
			expect(await Promise.all(apps.map((a) => stopApp(a!)))).toEqual([0, 0]);
			apps.fill(null);

			const store = await openDatabase({ url: url.toString() });
			try {
				// The server's state: its snapshot plus the events after it, as the app reads it; the
				// same as folding the whole log from the plan.
				const session = (await getSession(store.db, seeded.workspaceId, seeded.sessionId))!;
				const row = { lastSeq: session.lastSeq, state: session.state };
				const [{ plan }] = await store.db.select({ plan: practiceSession.plan }).from(practiceSession).where(eq(practiceSession.id, seeded.sessionId));
				expect(replaySession(plan as unknown as SessionPlan, seeded.people[0].id, await listEvents(store.db, seeded.sessionId, 0))).toEqual(session.state);
				expect(row.lastSeq).toBe(lastSeq);
				const server = row.state as unknown as SessionState;
				for (const c of clients) expect(c.state).toEqual(server); // folded by seq: the same order everywhere
				expect(server.insights.map((i) => i.text).sort()).toEqual([...authorOf.keys()].sort());

				// Live across processes: each client got, as broadcasts, events whose authors sat on the other process.
				const seqOfText = new Map(server.insights.map((insight, i) => [insight.text, i]));
				const log = await store.db.select({ seq: sessionEvent.seq, commandId: sessionEvent.commandId, event: sessionEvent.event }).from(sessionEvent).where(eq(sessionEvent.sessionId, seeded.sessionId));
				const nodeOfSeq = new Map(log.map((e) => [e.seq, nodeOf(authorOf.get(String(e.event.text)) ?? -1)]));
				expect(seqOfText.size).toBe(COMMANDS);
				clients.forEach((c, ci) => {
					const fromOther = [...c.broadcastSeqs].filter((seq) => nodeOfSeq.get(seq) === 1 - nodeOf(ci));
					expect(fromOther.length, `client ${ci} saw the other process's events live`).toBeGreaterThan(COMMANDS / 10);
				});

				// Every acked command is in the log exactly once, at the seq its ack named.
				const seqsOf = new Map<string, number[]>();
				for (const e of log) seqsOf.set(e.commandId, [...(seqsOf.get(e.commandId) ?? []), e.seq]);
				const acked = clients.flatMap((c) => c.acked);
				expect(acked).toHaveLength(COMMANDS);
				for (const { commandId, reply } of acked) {
					expect(seqsOf.get(commandId)).toHaveLength(1);
					expect(reply.ok && reply.seqs).toEqual(seqsOf.get(commandId));
				}
			} finally {
				await store.close();
			}
		},
		150_000
	);
});
