/**
 * A session in memory for tests (used by tests only): the server's pipeline without I/O
 * (parse, authorize and decide, number, append, reduce), a clock the test moves, and a cast.
 */
import type { SessionActor } from './authorizeCommand';
import { parseCommand } from './commands';
import { decideEvents } from './decideEvents';
import { sequenceEvents, type SessionEvent } from './events';
import { sessionPlanSchema, type SessionPlan, type SessionPlanInput } from './plan';
import { initialSessionState, reduceSession } from './reduceSession';
import type { SessionState } from './state';

/** A valid v4 UUID made from a number, so tests read well. */
export function testId(n: number): string {
	return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export const CAST = {
	fran: { userId: testId(1), role: 'facilitator', department: 'success' },
	sam: { userId: testId(2), role: 'member', department: 'sales' },
	sue: { userId: testId(3), role: 'member', department: 'support' },
	mark: { userId: testId(4), role: 'member', department: 'marketing' },
	vic: { userId: testId(5), role: 'viewer', department: 'product' },
	ada: { userId: testId(6), role: 'admin', department: 'revops' },
	otto: { userId: testId(7), role: 'owner', department: 'revops' }
} as const satisfies Record<string, SessionActor>;

export const ACCOUNTS = { acme: testId(101), globex: testId(102), initech: testId(103) } as const;

export const START = new Date('2026-03-04T10:00:00.000Z');

export function testPlan(overrides: Partial<SessionPlanInput> = {}): SessionPlan {
	return sessionPlanSchema.parse({
		title: 'Churn signals in onboarding',
		objective: 'Spot churn signals early in onboarding',
		scheduledAt: '2026-03-04T10:00:00Z',
		participantIds: [CAST.sam.userId, CAST.sue.userId, CAST.mark.userId],
		...overrides
	});
}

export interface TestSession {
	state: SessionState;
	events: SessionEvent[];
	/** Server time of the next command. */
	now: Date;
	/** Moves the clock forward. */
	tick(ms: number): void;
	/** Sends a command (commandId made up unless given); returns what the server would answer. */
	send(
		actor: SessionActor,
		input: Record<string, unknown>
	): { ok: true; events: SessionEvent[]; commandId: string } | { ok: false; refusal: string };
	/** Like send, but throws on a refusal: for setting a scene. */
	must(actor: SessionActor, input: Record<string, unknown>): string;
}

export function createTestSession(plan: SessionPlan = testPlan(), facilitatorId: string = CAST.fran.userId): TestSession {
	let nextCommand = 1_000;
	const session: TestSession = {
		state: initialSessionState(plan, facilitatorId),
		events: [],
		now: START,
		tick(ms) {
			session.now = new Date(session.now.getTime() + ms);
		},
		send(actor, input) {
			const commandId = typeof input.commandId === 'string' ? input.commandId : testId(nextCommand++);
			const parsed = parseCommand({ commandId, ...input });
			if (!parsed.ok) return { ok: false, refusal: parsed.message };
			const decision = decideEvents(session.state, parsed.command, actor, session.now);
			if (!decision.ok) return decision;
			const events = sequenceEvents(decision.events, session.state.lastSeq);
			for (const event of events) session.state = reduceSession(session.state, event);
			session.events.push(...events);
			return { ok: true, events, commandId };
		},
		must(actor, input) {
			const result = session.send(actor, input);
			if (!result.ok) throw new Error(`Refused ${String(input.type)}: ${result.refusal}`);
			return result.commandId;
		}
	};
	return session;
}

/** A live session with Acme open for everyone. */
export function createLiveSession(): TestSession {
	const session = createTestSession();
	session.must(CAST.fran, { type: 'session.start' });
	session.must(CAST.fran, { type: 'walkthrough.openAccount', accountId: ACCOUNTS.acme });
	return session;
}

/**
 * The spotting answers in playScriptedSession, round by round: who answered, with a note and
 * activity ids distinctive enough to search for in everything a client receives.
 */
export const SECRET_ROUNDS = [
	{
		[CAST.sam.userId]: { note: 'SAM-SECRET', activities: [91827361, 91827362] },
		[CAST.sue.userId]: { note: 'SUE-SECRET', activities: [73645501, 73645502] }
	},
	{
		[CAST.sam.userId]: { note: 'SAM-ROUND-TWO', activities: [55510001, 55510002] },
		[CAST.mark.userId]: { note: 'MARK-ROUND-TWO', activities: [66620001, 66620002] }
	}
] as const satisfies Record<string, { note: string; activities: readonly [number, number] }>[];

/**
 * A whole standard session in commands: walkthrough with tags from four departments (one event
 * read differently by sales and support), two spotting rounds in two agenda items (`reveal` says
 * how many are revealed: a second round is only dealt once the first is), outcomes, then the end.
 */
export function playScriptedSession(options: { end?: boolean; reveal?: 0 | 1 | 2 } = {}): TestSession {
	const { end = true, reveal = 2 } = options;
	const s = createLiveSession();
	const MIN = 60_000;
	s.tick(6 * MIN);
	s.must(CAST.fran, { type: 'agenda.open', itemId: 'journey' });
	s.must(CAST.fran, { type: 'walkthrough.focusEvent', accountId: ACCOUNTS.acme, activityId: 501 });
	const signal = (signalId: string) => ({ kind: 'playbook', signalId });
	const tag = (activityId: number, sig: object, polarity: string, interpretation: string) => ({
		type: 'tag.add',
		activityId,
		accountId: ACCOUNTS.acme,
		signal: sig,
		polarity,
		interpretation
	});
	s.must(CAST.sam, tag(501, signal('pricing-page-repeat'), 'positive', 'Evaluating a bigger plan'));
	s.must(CAST.sue, tag(501, signal('pricing-page-repeat'), 'risk', 'Looking for a cheaper plan after tickets'));
	s.must(CAST.mark, tag(502, { kind: 'new', name: 'Webinar then silence' }, 'risk', 'Attended, never replied'));
	s.must(CAST.fran, tag(503, signal('ticket-spike'), 'risk', 'Three tickets in a week'));
	s.must(CAST.sue, tag(503, signal('ticket-spike'), 'risk', 'Same bug again'));
	s.must(CAST.sam, { type: 'ready.set', itemId: 'journey', ready: true });
	s.tick(22 * MIN);
	s.must(CAST.fran, { type: 'agenda.open', itemId: 'signals' });
	s.must(CAST.fran, { type: 'timer.extend', itemId: 'signals', minutes: 5 });
	const playRound = (assignments: Record<string, string>, secrets: Record<string, { note: string; activities: readonly number[] }>) => {
		const dealId = s.must(CAST.fran, {
			type: 'spotting.deal',
			assignments: Object.entries(assignments).map(([userId, accountId]) => ({ userId, accountId }))
		});
		for (const [userId, { note, activities }] of Object.entries(secrets)) {
			const actor = Object.values(CAST).find((c) => c.userId === userId)!;
			s.must(actor, {
				type: 'spotting.answer',
				dealId,
				positive: { activityId: activities[0], note: `${note}: demo booked` },
				risk: { activityId: activities[1], note: `${note}: champion left` }
			});
		}
		return dealId;
	};
	const first = playRound({ [CAST.sam.userId]: ACCOUNTS.globex, [CAST.sue.userId]: ACCOUNTS.initech }, SECRET_ROUNDS[0]);
	if (reveal >= 1) {
		s.must(CAST.fran, { type: 'spotting.reveal', dealId: first });
		s.tick(10 * MIN);
		s.must(CAST.fran, { type: 'agenda.open', itemId: 'trends' });
		const second = playRound({ [CAST.sam.userId]: ACCOUNTS.initech, [CAST.mark.userId]: ACCOUNTS.acme }, SECRET_ROUNDS[1]);
		if (reveal >= 2) s.must(CAST.fran, { type: 'spotting.reveal', dealId: second });
	}
	s.tick(reveal >= 1 ? 10 * MIN : 20 * MIN);
	s.must(CAST.fran, { type: 'agenda.open', itemId: 'actions' });
	s.must(CAST.mark, { type: 'insight.add', text: 'Support sees churn weeks before success does' });
	s.must(CAST.sam, {
		type: 'actionItem.add',
		title: 'Check in with Acme about the pricing visits',
		ownerId: CAST.sue.userId,
		dueOn: '2026-03-11',
		accountId: ACCOUNTS.acme
	});
	const evidence = s.state.tags.filter((t) => t.activityId === 503).map((t) => t.id);
	s.must(CAST.fran, {
		type: 'playbookChange.agree',
		text: 'Notify success when ticket-spike fires',
		signalId: 'ticket-spike',
		evidenceTagIds: evidence
	});
	s.must(CAST.sue, { type: 'win.record', kind: 'saved-account', accountId: ACCOUNTS.acme, text: 'The check-in saved the renewal' });
	s.tick(10 * MIN);
	if (end) s.must(CAST.fran, { type: 'session.end' });
	return s;
}

/** Deep-freezes a value so a test fails if anything mutates it. */
export function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const child of Object.values(value)) deepFreeze(child);
	}
	return value;
}
