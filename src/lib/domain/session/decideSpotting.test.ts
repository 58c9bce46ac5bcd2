import { describe, expect, it } from 'vitest';
import { dealAccounts } from './decideSpotting';
import { ACCOUNTS, CAST, createLiveSession, testId } from './testSession';

const answer = (dealId: string, positive = 1, risk = 2, note = 'because') => ({
	type: 'spotting.answer',
	dealId,
	positive: { activityId: positive, note: `${note} +` },
	risk: { activityId: risk, note: `${note} -` }
});

function dealt() {
	const session = createLiveSession();
	const dealId = session.must(CAST.fran, {
		type: 'spotting.deal',
		assignments: [
			{ userId: CAST.sam.userId, accountId: ACCOUNTS.globex },
			{ userId: CAST.sue.userId, accountId: ACCOUNTS.initech }
		]
	});
	return { session, dealId };
}

describe('signal spotting', () => {
	it('deals accounts, which count as reviewed and make the players participants', () => {
		const { session, dealId } = dealt();
		expect(session.state.spottingRounds).toHaveLength(1);
		expect(session.state.spottingRounds[0]).toMatchObject({
			dealId,
			itemId: 'objective',
			revealedAt: null,
			assignments: { [CAST.sam.userId]: ACCOUNTS.globex, [CAST.sue.userId]: ACCOUNTS.initech },
			answers: {},
			revealed: false
		});
		expect(session.state.reviewedAccountIds).toEqual([ACCOUNTS.acme, ACCOUNTS.globex, ACCOUNTS.initech]);
	});

	it('takes one answer per participant, the latest replacing earlier ones until the reveal', () => {
		const { session, dealId } = dealt();
		session.must(CAST.sam, answer(dealId, 1, 2, 'first'));
		session.tick(5000);
		session.must(CAST.sam, answer(dealId, 3, 4, 'second'));
		expect(session.state.spottingRounds[0].answers[CAST.sam.userId]).toEqual({
			answeredAt: session.now.toISOString(),
			answer: { positive: { activityId: 3, note: 'second +' }, risk: { activityId: 4, note: 'second -' } }
		});
		expect(session.send(CAST.sam, answer(dealId, 3, 4, 'second'))).toMatchObject({ ok: true, events: [] });
		expect(session.send(CAST.sam, answer(dealId, 5, 5))).toMatchObject({
			ok: false,
			refusal: expect.stringMatching(/two different events/)
		});
	});

	it('reveals every answer at once in the reveal event, then closes the round', () => {
		const { session, dealId } = dealt();
		expect(session.send(CAST.fran, { type: 'spotting.reveal', dealId })).toMatchObject({
			ok: false,
			refusal: expect.stringMatching(/Nobody has answered/)
		});
		session.must(CAST.sam, answer(dealId, 1, 2));
		session.must(CAST.sue, answer(dealId, 7, 8));
		const revealed = session.send(CAST.fran, { type: 'spotting.reveal', dealId });
		expect(revealed.ok && revealed.events[0]).toMatchObject({
			type: 'spotting.revealed',
			answers: {
				[CAST.sam.userId]: { positive: { activityId: 1 } },
				[CAST.sue.userId]: { risk: { activityId: 8 } }
			}
		});
		expect(session.state.spottingRounds[0]).toMatchObject({ revealed: true, revealedAt: session.now.toISOString() });
		expect(session.send(CAST.sam, answer(dealId, 3, 4))).toMatchObject({ ok: false, refusal: expect.stringMatching(/closed/) });
		expect(session.send(CAST.fran, { type: 'spotting.reveal', dealId })).toMatchObject({ ok: false });
	});

	it('refuses answers to a round that is not the current one', () => {
		const session = createLiveSession();
		expect(session.send(CAST.sam, answer(testId(5)))).toMatchObject({ ok: false, refusal: expect.stringMatching(/No round/) });
		const { session: s2, dealId } = dealt();
		expect(s2.send(CAST.sam, answer(testId(5)))).toMatchObject({ ok: false, refusal: expect.stringMatching(/over/) });
		expect(s2.send(CAST.fran, { type: 'spotting.reveal', dealId: testId(5) })).toMatchObject({ ok: false });
		expect(dealId).not.toBe(testId(5));
	});

	it('will not deal again while unrevealed answers would be lost; a round nobody answered is replaced', () => {
		const { session, dealId } = dealt();
		const deal = { type: 'spotting.deal', assignments: [{ userId: CAST.mark.userId, accountId: ACCOUNTS.acme }] };
		const again = session.must(CAST.fran, deal);
		expect(session.state.spottingRounds.map((r) => r.dealId)).toEqual([again]);
		expect(again).not.toBe(dealId);
		session.must(CAST.mark, answer(again));
		expect(session.send(CAST.fran, deal)).toMatchObject({ ok: false, refusal: expect.stringMatching(/Reveal the answers/) });
		session.must(CAST.fran, { type: 'spotting.reveal', dealId: again });
		const third = session.must(CAST.fran, deal);
		expect(session.state.spottingRounds.map((r) => [r.dealId, r.revealed])).toEqual([
			[again, true],
			[third, false]
		]);
		expect(session.state.spottingRounds[1]).toMatchObject({ answers: {}, revealed: false });
	});

	it('keeps every round with its own accounts and answers, each sealed until its own reveal', () => {
		const { session, dealId: first } = dealt();
		session.must(CAST.sam, answer(first, 1, 2, 'round one sam'));
		session.must(CAST.fran, { type: 'spotting.reveal', dealId: first });
		session.must(CAST.fran, { type: 'agenda.open', itemId: 'signals' });
		const second = session.must(CAST.fran, {
			type: 'spotting.deal',
			assignments: [
				{ userId: CAST.sam.userId, accountId: ACCOUNTS.initech },
				{ userId: CAST.mark.userId, accountId: ACCOUNTS.globex }
			]
		});
		session.must(CAST.mark, answer(second, 5, 6, 'round two mark'));
		const [one, two] = session.state.spottingRounds;
		expect(one).toMatchObject({ dealId: first, itemId: 'objective', revealed: true });
		expect(one.assignments).toEqual({ [CAST.sam.userId]: ACCOUNTS.globex, [CAST.sue.userId]: ACCOUNTS.initech });
		expect(Object.keys(one.answers)).toEqual([CAST.sam.userId]);
		expect(two).toMatchObject({ dealId: second, itemId: 'signals', revealed: false });
		expect(two.assignments).toEqual({ [CAST.sam.userId]: ACCOUNTS.initech, [CAST.mark.userId]: ACCOUNTS.globex });
		expect(two.answers[CAST.mark.userId].answer?.positive.note).toBe('round two mark +');
		// The first round is closed: answering or revealing it again is refused.
		expect(session.send(CAST.sam, answer(first, 3, 4))).toMatchObject({ ok: false, refusal: expect.stringMatching(/closed/) });
		expect(session.send(CAST.sue, answer(second, 3, 4))).toMatchObject({ ok: false, refusal: expect.stringMatching(/not dealt an account/) });
		session.must(CAST.fran, { type: 'spotting.reveal', dealId: second });
		expect(session.state.spottingRounds.map((r) => r.revealed)).toEqual([true, true]);
		expect(session.state.spottingRounds[0]).toBe(one);
	});
});

describe('dealAccounts', () => {
	it('gives participants different accounts while there are enough, then reuses them', () => {
		expect(dealAccounts(['u1', 'u2', 'u1'], ['a', 'b'])).toEqual([
			{ userId: 'u1', accountId: 'a' },
			{ userId: 'u2', accountId: 'b' }
		]);
		expect(dealAccounts(['u1', 'u2', 'u3'], ['a', 'b']).map((d) => d.accountId)).toEqual(['a', 'b', 'a']);
		expect(dealAccounts(['u1'], [])).toEqual([]);
	});
});
