/**
 * One client process of `npm run bench:live`: N socket.io clients, each a session participant.
 * Driven over IPC by live.bench.ts: connect, join a session, send tags at a steady rate (open
 * loop: a slow server does not slow the sender), and measure send -> delivery at every client
 * (the send time rides in the tag; all processes share the machine's clock).
 */
import { io as connect, type Socket } from 'socket.io-client';

type Msg =
	| { kind: 'init'; url: string; origin: string; cookieName: string; tokens: string[]; sessionId: string; participants: number }
	| { kind: 'join'; sessionId: string }
	| { kind: 'prepare'; phase: string; keep: boolean }
	| { kind: 'run'; phase: string; rate: number; durationMs: number; accountId: string; activityId: number }
	| { kind: 'collect'; phase: string; expected: number; timeoutMs: number; lateMs: number }
	| { kind: 'exit' };

const now = () => performance.timeOrigin + performance.now();
let sockets: Socket[] = [];
let sessionId = '';
const phases = new Map<string, { delivered: number; latencies: number[]; acked: number; refused: number; keep: boolean; errors: Set<string>; perSocket: Map<Socket, number> }>();
let onDelivery: () => void = () => {};
let participants = 0;
/** Per socket: how many people the last presence list for the current session named. */
const present = new Map<Socket, number>();
let onPresence: () => void = () => {};

function reply(m: unknown) {
	process.send!(m);
}

/** Joins every socket, then waits (up to 60 s) until each has seen everyone present: the join storm is over. */
async function joinAll(id: string, previous: string) {
	present.clear();
	await Promise.all(
		sockets.map(async (s) => {
			if (previous) s.emit('session:leave', { sessionId: previous });
			const r = (await s.timeout(30_000).emitWithAck('session:join', { sessionId: id })) as { ok: boolean; error?: string };
			if (!r.ok) throw new Error(`join refused: ${r.error}`);
		})
	);
	const everyone = () => sockets.every((s) => present.get(s) === participants);
	if (participants === 0) return;
	await new Promise<void>((resolve) => {
		const timer = setTimeout(resolve, 60_000);
		onPresence = () => everyone() && (clearTimeout(timer), resolve());
		onPresence();
	});
	onPresence = () => {};
}

process.on('message', async (m: Msg) => {
	if (m.kind === 'init') {
		sessionId = m.sessionId;
		participants = m.participants;
		sockets = m.tokens.map((token) =>
			connect(m.url, { transports: ['websocket'], reconnection: false, extraHeaders: { origin: m.origin, cookie: `${m.cookieName}=${token}` } })
		);
		await Promise.all(sockets.map((s) => new Promise<void>((resolve, reject) => (s.once('connect', () => resolve()), s.once('connect_error', reject)))));
		for (const s of sockets) {
			s.on('session:presence', (message: { sessionId: string; people: unknown[] }) => {
				if (message.sessionId !== sessionId) return;
				present.set(s, message.people.length);
				onPresence();
			});
			s.on('session:events', (message: { sessionId: string; events: { type: string; signal?: { name: string }; interpretation?: string }[] }) => {
				const t = now();
				for (const e of message.events) {
					if (e.type !== 'tag.added' || !e.signal || !e.interpretation) continue;
					const phase = phases.get(e.signal.name.slice(0, e.signal.name.indexOf('~')));
					if (!phase) continue;
					phase.delivered++;
					phase.perSocket.set(s, (phase.perSocket.get(s) ?? 0) + 1);
					if (phase.keep) phase.latencies.push(t - Number(e.interpretation.slice(2)));
				}
				onDelivery();
			});
		}
		await joinAll(sessionId, '');
		reply({ kind: 'ready' });
	} else if (m.kind === 'join') {
		const previous = sessionId;
		sessionId = m.sessionId;
		await joinAll(m.sessionId, previous);
		reply({ kind: 'ready' });
	} else if (m.kind === 'prepare') {
		// Every process counts a step's events before any process sends its first command: the
		// first events reach the other processes' sockets within milliseconds.
		phases.set(m.phase, { delivered: 0, latencies: [], acked: 0, refused: 0, keep: m.keep, errors: new Set(), perSocket: new Map() });
		reply({ kind: 'prepared' });
	} else if (m.kind === 'run') {
		const phase = phases.get(m.phase)!;
		const start = now();
		let sent = 0;
		// Steady open-loop pacing: send whatever is due, then yield to the event loop.
		await new Promise<void>((resolve) => {
			const tick = () => {
				const elapsed = now() - start;
				const due = Math.min(Math.floor((elapsed / 1000) * m.rate), Math.floor((m.durationMs / 1000) * m.rate));
				while (sent < due) {
					const s = sockets[sent % sockets.length];
					const n = sent++;
					const command = {
						type: 'tag.add',
						commandId: crypto.randomUUID(),
						accountId: m.accountId,
						activityId: m.activityId,
						signal: { kind: 'new', name: `${m.phase}~${process.pid}-${n}` },
						polarity: 'risk',
						interpretation: `t=${now()}`
					};
					s.timeout(60_000)
						.emitWithAck('session:command', { sessionId, command })
						.then((r: { ok: boolean; error?: string }) => {
							if (r.ok) phase.acked++;
							else (phase.refused++, phase.errors.add(r.error ?? ''));
						})
						.catch(() => phase.refused++);
				}
				if (elapsed >= m.durationMs) resolve();
				else setTimeout(tick, 1);
			};
			tick();
		});
		reply({ kind: 'sent', sent });
	} else if (m.kind === 'collect') {
		const phase = phases.get(m.phase)!;
		const started = now();
		const waitFor = (ms: number) =>
			new Promise<void>((resolve) => {
				const timer = setTimeout(resolve, ms);
				onDelivery = () => {
					if (phase.delivered >= m.expected) (clearTimeout(timer), resolve());
				};
				onDelivery();
			});
		await waitFor(m.timeoutMs);
		const delivered = phase.delivered;
		const waitedMs = now() - started;
		// Short at the deadline: late or lost? Each participant should have every event.
		const perParticipant = m.expected / sockets.length;
		const shortParticipants = sockets.filter((s) => (phase.perSocket.get(s) ?? 0) < perParticipant).length;
		if (delivered < m.expected) await waitFor(m.lateMs);
		onDelivery = () => {};
		const completedAfterMs = phase.delivered >= m.expected ? now() - started : null;
		reply({ kind: 'collected', delivered, acked: phase.acked, refused: phase.refused, errors: [...phase.errors].slice(0, 3), latencies: phase.latencies, waitedMs, shortParticipants, finalDelivered: phase.delivered, completedAfterMs });
		phases.delete(m.phase);
	} else if (m.kind === 'exit') {
		for (const s of sockets) s.close();
		process.exit(0);
	}
});
