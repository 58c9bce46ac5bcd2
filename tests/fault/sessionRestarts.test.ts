/**
 * Never lose input, the hard way (issue 4, test a): 20 real socket.io clients send 1,000 commands
 * to the production server (`node scripts/start.js` on an embedded PGlite data directory) while
 * that process is SIGKILLed and restarted three times. Kills happen at answered-command
 * checkpoints, not on timers. Afterwards every client's folded state equals the server's, every
 * acked command is in the log exactly once, and every command landed exactly once.
 */
import { afterAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { openDatabase } from '../../src/lib/server/db/index';
import { practiceSession, sessionEvent } from '../../src/lib/server/db/schema';
import { replaySession, type SessionPlan, type SessionState } from '../../src/lib/domain/session';
import { getSession } from '../../src/lib/server/sessions/sessions';
import { listEvents } from '../../src/lib/server/sessions/sessionState';
import { freePort, isBuilt, killApp, startApp, stopApp, type AppProcess } from './appProcess';
import { LiveClient, whenAny, within } from './liveClient';
import { seedLiveSession } from './seedLiveSession';
import { pgliteSnapshot } from '../databases';

const CLIENTS = 20;
const COMMANDS = 1000;
const PER_CLIENT = COMMANDS / CLIENTS;
/** Unanswered commands a client keeps going at once (it keeps "typing" while offline). */
const WINDOW = 4;
const KILL_AT = [200, 450, 700];

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sr-restarts-'));
let app: AppProcess | null = null;
const clients: LiveClient[] = [];

afterAll(async () => {
	for (const c of clients) c.close();
	if (app) await killApp(app);
	fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('a live session through SIGKILL restarts of the app process (PGlite)', () => {
	it(
		'loses nothing and duplicates nothing: 20 clients, 1,000 commands, 3 kills',
		async () => {
			expect(isBuilt(), 'build the app first: npm run build (npm test does)').toBe(true);
			const seeded = await (async () => {
				const store = await openDatabase({ dataDir, loadDataDir: await pgliteSnapshot() });
				try {
					return await seedLiveSession(store.db, CLIENTS);
				} finally {
					await store.close(); // PGlite is single-process: the server opens it next
				}
			})();
			const port = await freePort();
			const url = `http://127.0.0.1:${port}`;
			const env = { DATA_DIR: dataDir, PORT: String(port), ORIGIN: url };
			app = await startApp(env);
			const t0 = Date.now();
			const timeline: string[] = [];
			const mark = (what: string) => timeline.push(`${what} ${Date.now() - t0} ms`);

			for (const person of seeded.people) clients.push(new LiveClient(url, seeded.sessionId, person.token));
			await Promise.all(clients.map((c) => c.until(() => c.state !== null, 30_000, 'the first join')));

			// Kill and restart at answered-command checkpoints while the clients keep sending.
			const answered = () => clients.reduce((n, c) => n + c.acked.length, 0);
			let kills = 0;
			const killer = (async () => {
				for (const checkpoint of KILL_AT) {
					await whenAny(clients, () => answered() >= checkpoint, 60_000, `${checkpoint} answers`);
					await killApp(app!);
					kills++;
					mark(`killed at ${answered()}`);
					app = await startApp(env);
					mark('restarted');
				}
			})();

			const texts = new Set<string>();
			const sending = clients.map(async (client, ci) => {
				const inFlight = new Set<Promise<unknown>>();
				for (let i = 0; i < PER_CLIENT; i++) {
					const text = `insight ${ci}-${i}`;
					texts.add(text);
					const p = client.send({ type: 'insight.add', text }).then((reply) => {
						expect(reply, text).toMatchObject({ ok: true });
						inFlight.delete(p);
					});
					inFlight.add(p);
					if (inFlight.size >= WINDOW) await Promise.race(inFlight);
				}
				await Promise.all(inFlight);
			});
			await within(Promise.race([Promise.all(sending), killer.then(() => new Promise(() => {}))]), 100_000, 'every command answered');
			await killer;
			mark('all answered');
			expect(kills).toBe(KILL_AT.length);
			expect(texts.size).toBe(COMMANDS);

			// Everyone converges on the last seq: the 1,000 inserts after the start events.
			const lastSeq = seeded.startSeq + COMMANDS;
			await Promise.all(clients.map((c) => c.until(() => c.state?.lastSeq === lastSeq, 30_000, `seq ${lastSeq}`)));
			mark('converged');
			const resends = clients.reduce((n, c) => n + c.resends, 0);
			for (const c of clients) c.close();
			expect(await stopApp(app!)).toBe(0);
			app = null;
			mark('stopped');

			const store = await openDatabase({ dataDir });
			mark('reopened');
			try {
				// The server's state: its snapshot plus the events after it, as the app reads it; the
				// same as folding the whole log from the plan.
				const session = (await getSession(store.db, seeded.workspaceId, seeded.sessionId))!;
				const row = { lastSeq: session.lastSeq, state: session.state };
				const [{ plan }] = await store.db.select({ plan: practiceSession.plan }).from(practiceSession).where(eq(practiceSession.id, seeded.sessionId));
				expect(replaySession(plan as unknown as SessionPlan, seeded.people[0].id, await listEvents(store.db, seeded.sessionId, 0))).toEqual(session.state);
				const server = row.state as unknown as SessionState;
				expect(row.lastSeq).toBe(lastSeq);
				for (const c of clients) expect(c.state).toEqual(server);

				// Every command landed exactly once, with its own text.
				expect(server.insights).toHaveLength(COMMANDS);
				expect(new Set(server.insights.map((i) => i.text))).toEqual(texts);
				const log = await store.db.select({ seq: sessionEvent.seq, commandId: sessionEvent.commandId }).from(sessionEvent).where(eq(sessionEvent.sessionId, seeded.sessionId));
				expect(log.map((e) => e.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: lastSeq }, (_, i) => i + 1));
				expect(log.filter((e) => e.seq > seeded.startSeq)).toHaveLength(COMMANDS);
				const perCommand = new Map<string, number[]>();
				for (const e of log) perCommand.set(e.commandId, [...(perCommand.get(e.commandId) ?? []), e.seq]);

				// Every acked command is in the log exactly once, at the seq its ack named.
				const acked = clients.flatMap((c) => c.acked);
				expect(acked).toHaveLength(COMMANDS);
				for (const { commandId, reply } of acked) {
					expect(reply.ok && reply.seqs).toEqual(perCommand.get(commandId));
					expect(perCommand.get(commandId)).toHaveLength(1);
				}
				mark('checked');
				console.log(`restarts: ${kills} kills, ${resends} resends, ${clients.reduce((n, c) => n + c.joins, 0)} joins; ${timeline.join(', ')}`);
			} finally {
				await store.close();
			}
		},
		150_000
	);
});
