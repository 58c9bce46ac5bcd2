import { describe, expect, it } from 'vitest';
import { listCommandReferences } from './commandReferences';
import { parseCommand } from './commands';
import { ACCOUNTS, CAST, createLiveSession, testId } from './testSession';

function refs(input: Record<string, unknown>, actorId: string = CAST.sam.userId, session = createLiveSession()) {
	const parsed = parseCommand({ commandId: testId(999), ...input });
	if (!parsed.ok) throw new Error(parsed.message);
	return listCommandReferences(session.state, parsed.command, actorId);
}

describe('listCommandReferences', () => {
	it('lists the account, event and signal of a tag', () => {
		expect(
			refs({
				type: 'tag.add',
				activityId: 5,
				accountId: ACCOUNTS.acme,
				signal: { kind: 'playbook', signalId: 'ticket-spike' },
				polarity: 'risk',
				interpretation: 'x'
			})
		).toEqual({
			userIds: [],
			accountIds: [ACCOUNTS.acme],
			activities: [{ activityId: 5, accountId: ACCOUNTS.acme }],
			signalIds: ['ticket-spike']
		});
	});

	it('lists people and accounts of a deal without repeats', () => {
		const r = refs({
			type: 'spotting.deal',
			assignments: [
				{ userId: CAST.sam.userId, accountId: ACCOUNTS.acme },
				{ userId: CAST.sue.userId, accountId: ACCOUNTS.acme }
			]
		});
		expect(r.userIds).toEqual([CAST.sam.userId, CAST.sue.userId]);
		expect(r.accountIds).toEqual([ACCOUNTS.acme]);
	});

	it('ties a spotting answer’s events to the account that participant was dealt', () => {
		const session = createLiveSession();
		const dealId = session.must(CAST.fran, {
			type: 'spotting.deal',
			assignments: [{ userId: CAST.sam.userId, accountId: ACCOUNTS.globex }]
		});
		const answer = { type: 'spotting.answer', dealId, positive: { activityId: 1, note: 'a' }, risk: { activityId: 2, note: 'b' } };
		expect(refs(answer, CAST.sam.userId, session).activities).toEqual([
			{ activityId: 1, accountId: ACCOUNTS.globex },
			{ activityId: 2, accountId: ACCOUNTS.globex }
		]);
		expect(refs(answer, CAST.sue.userId, session).activities).toEqual([]);
	});

	it('lists owners, hand-over targets, focused events, agreed signals and win accounts', () => {
		expect(refs({ type: 'actionItem.add', title: 't', ownerId: CAST.sue.userId, dueOn: '2026-03-10', accountId: ACCOUNTS.acme })).toMatchObject({
			userIds: [CAST.sue.userId],
			accountIds: [ACCOUNTS.acme]
		});
		expect(refs({ type: 'facilitator.handOver', toUserId: CAST.sue.userId }).userIds).toEqual([CAST.sue.userId]);
		expect(refs({ type: 'walkthrough.focusEvent', accountId: ACCOUNTS.acme, activityId: 9 }).activities).toEqual([
			{ activityId: 9, accountId: ACCOUNTS.acme }
		]);
		expect(refs({ type: 'walkthrough.focusEvent', accountId: ACCOUNTS.acme, activityId: null }).activities).toEqual([]);
		expect(refs({ type: 'playbookChange.agree', text: 'x', signalId: 'ticket-spike' }).signalIds).toEqual(['ticket-spike']);
		expect(refs({ type: 'win.record', kind: 'upsell', accountId: ACCOUNTS.globex, text: 'x' }).accountIds).toEqual([ACCOUNTS.globex]);
		expect(refs({ type: 'insight.add', text: 'x' })).toEqual({ userIds: [], accountIds: [], activities: [], signalIds: [] });
	});
});
