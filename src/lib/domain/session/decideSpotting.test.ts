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
		expect(session.state.spotting).toMatchObject({
			dealId,
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
		expect(session.state.spotting!.answers[CAST.sam.userId]).toEqual({
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
		expect(session.state.spotting!.revealed).toBe(true);
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

	it('will not deal again while unrevealed answers would be lost', () => {
		const { session, dealId } = dealt();
		const deal = { type: 'spotting.deal', assignments: [{ userId: CAST.mark.userId, accountId: ACCOUNTS.acme }] };
		session.must(CAST.fran, deal);
		const again = session.state.spotting!.dealId;
		expect(again).not.toBe(dealId);
		session.must(CAST.mark, answer(again));
		expect(session.send(CAST.fran, deal)).toMatchObject({ ok: false, refusal: expect.stringMatching(/Reveal the answers/) });
		session.must(CAST.fran, { type: 'spotting.reveal', dealId: again });
		session.must(CAST.fran, deal);
		expect(session.state.spotting).toMatchObject({ answers: {}, revealed: false });
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
