import { describe, expect, it } from 'vitest';
import type { VisibleSessionEvent } from './events';
import { applyEvents, initialSessionState, reduceSession } from './reduceSession';
import type { SessionActor } from './authorizeCommand';
import { CAST, playScriptedSession, SECRET_ROUNDS, testPlan } from './testSession';
import { projectEventFor, projectStateFor } from './visibility';

/** userId -> the texts of their answers in the rounds given (notes and activity ids). */
function secretsOf(rounds: readonly (typeof SECRET_ROUNDS)[number][]): Record<string, string[]> {
	const secrets: Record<string, string[]> = {};
	for (const round of rounds) {
		for (const [userId, { note, activities }] of Object.entries(round)) {
			(secrets[userId] ??= []).push(note, ...activities.map(String));
		}
	}
	return secrets;
}
/** The first round unrevealed (no second one can be dealt yet). */
const SECRETS = secretsOf([SECRET_ROUNDS[0]]);
const VIEWERS: SessionActor[] = [CAST.fran, CAST.sam, CAST.sue, CAST.mark, CAST.ada, CAST.vic];

/** Everything `viewer` receives: every projected event (frame by frame) and a late joiner's snapshot. */
function framesFor(viewer: SessionActor, reveal: boolean | 1) {
	const session = playScriptedSession({ reveal: reveal === true ? 2 : reveal === false ? 0 : 1, end: false });
	const frames = session.events.map((e) => JSON.stringify(projectEventFor(e, viewer)));
	const snapshot = JSON.stringify(projectStateFor(session.state, viewer));
	let client = initialSessionState(testPlan(), CAST.fran.userId);
	for (const frame of frames) client = reduceSession(client, JSON.parse(frame) as VisibleSessionEvent);
	return { session, frames, snapshot, client };
}

function othersSecrets(viewer: SessionActor, secrets = SECRETS): string[] {
	return Object.entries(secrets).flatMap(([userId, texts]) => (userId === viewer.userId ? [] : texts));
}

describe('sealed spotting answers', () => {
	it('never reach anyone but their author before the reveal, the facilitator included', () => {
		for (const viewer of VIEWERS) {
			const { frames, snapshot, client } = framesFor(viewer, false);
			const received = [...frames, snapshot, JSON.stringify(client)].join('\n');
			for (const secret of othersSecrets(viewer)) expect(received, `${viewer.userId} got ${secret}`).not.toContain(secret);
			for (const secret of SECRETS[viewer.userId] ?? []) expect(received).toContain(secret);
		}
	});

	it('stay sealed per round: a second round’s answers stay private after the first round’s reveal', () => {
		const secondRound = secretsOf([SECRET_ROUNDS[1]]);
		const firstRound = Object.values(secretsOf([SECRET_ROUNDS[0]])).flat();
		for (const viewer of VIEWERS) {
			const { frames, snapshot, client } = framesFor(viewer, 1);
			const received = [...frames, snapshot, JSON.stringify(client)].join('\n');
			for (const secret of othersSecrets(viewer, secondRound)) expect(received, `${viewer.userId} got ${secret}`).not.toContain(secret);
			for (const secret of secondRound[viewer.userId] ?? []) expect(received).toContain(secret);
			for (const secret of firstRound) expect(received, `${viewer.userId} lacks ${secret}`).toContain(secret);
			expect(client.spottingRounds.map((r) => r.revealed)).toEqual([true, false]);
		}
	});

	it('tell everyone that a person answered, and when', () => {
		const { session, client } = framesFor(CAST.fran, false);
		const answers = client.spottingRounds[0].answers;
		expect(Object.keys(answers).sort()).toEqual([CAST.sam.userId, CAST.sue.userId].sort());
		expect(answers[CAST.sam.userId]).toEqual({ answeredAt: session.state.spottingRounds[0].answers[CAST.sam.userId].answeredAt, answer: null });
	});

	it('give each viewer the same state from events as from a snapshot', () => {
		for (const reveal of [false, 1] as const) {
			for (const viewer of VIEWERS) {
				const { session, client } = framesFor(viewer, reveal);
				expect(client, viewer.userId).toEqual(projectStateFor(session.state, viewer));
			}
		}
	});

	it('are all visible to everyone after the reveal', () => {
		for (const viewer of VIEWERS) {
			const { session, client, snapshot } = framesFor(viewer, true);
			expect(client, viewer.userId).toEqual(session.state);
			expect(JSON.parse(snapshot)).toEqual(session.state);
			for (const secrets of Object.values(secretsOf(SECRET_ROUNDS))) for (const secret of secrets) expect(snapshot).toContain(secret);
		}
	});

	it('let a late joiner continue from a snapshot with projected events', () => {
		const { session } = framesFor(CAST.mark, false);
		const cut = session.events.findIndex((e) => e.type === 'spotting.answerSubmitted');
		const early = applyEvents(initialSessionState(testPlan(), CAST.fran.userId), session.events.slice(0, cut + 1));
		const joined = projectStateFor(early, CAST.mark);
		const rest = session.events.slice(cut + 1).map((e) => projectEventFor(e, CAST.mark));
		expect(applyEvents(joined, rest)).toEqual(projectStateFor(session.state, CAST.mark));
	});
});

describe('projectEventFor', () => {
	it('passes every other event through unchanged', () => {
		const { session } = framesFor(CAST.mark, true);
		for (const event of session.events) {
			if (event.type === 'spotting.answerSubmitted') continue;
			expect(projectEventFor(event, CAST.mark)).toBe(event);
		}
	});

	it('keeps the seq, so sealed events leave no gap', () => {
		const { session } = framesFor(CAST.mark, false);
		const submitted = session.events.find((e) => e.type === 'spotting.answerSubmitted')!;
		const sealed = projectEventFor(submitted, CAST.mark);
		expect(sealed).toEqual({
			seq: submitted.seq,
			at: submitted.at,
			actorId: submitted.actorId,
			commandId: submitted.commandId,
			type: 'spotting.answerSealed',
			dealId: session.state.spottingRounds[0].dealId,
			userId: submitted.actorId
		});
		expect(projectEventFor(submitted, { userId: submitted.actorId })).toBe(submitted);
	});
});
