import { describe, expect, it } from 'vitest';
import { authorizeCommand, FACILITATOR_COMMANDS } from './authorizeCommand';
import { parseCommand, type SessionCommand } from './commands';
import { ACCOUNTS, CAST, createLiveSession, createTestSession, testId } from './testSession';

function command(input: Record<string, unknown>): SessionCommand {
	const parsed = parseCommand({ commandId: testId(999), ...input });
	if (!parsed.ok) throw new Error(parsed.message);
	return parsed.command;
}

const tagInput = {
	type: 'tag.add',
	activityId: 7,
	accountId: ACCOUNTS.acme,
	signal: { kind: 'playbook', signalId: 'no-login-3-weeks' },
	polarity: 'risk',
	interpretation: 'Usage dropped after onboarding'
};

describe('authorizeCommand', () => {
	it('lets viewers only watch', () => {
		const { state } = createLiveSession();
		expect(authorizeCommand(state, command({ type: 'ready.set', itemId: 'objective', ready: true }), CAST.vic)).toMatch(
			/Viewers can watch/
		);
		expect(authorizeCommand(state, command(tagInput), CAST.vic)).toMatch(/Viewers can watch/);
	});

	it('waits for the facilitator to start, and lets only them (or an admin) start', () => {
		const { state } = createTestSession();
		expect(authorizeCommand(state, command(tagInput), CAST.sam)).toMatch(/not started yet/);
		expect(authorizeCommand(state, command({ type: 'session.start' }), CAST.sam)).toMatch(/Only the facilitator/);
		expect(authorizeCommand(state, command({ type: 'session.start' }), CAST.fran)).toBeNull();
		expect(authorizeCommand(state, command({ type: 'session.start' }), CAST.ada)).toBeNull();
		expect(authorizeCommand(state, command({ type: 'session.start' }), CAST.otto)).toBeNull();
	});

	it('keeps steering with the current facilitator, not the workspace facilitator role', () => {
		const session = createLiveSession();
		const steering = [
			{ type: 'session.end' },
			{ type: 'agenda.open', itemId: 'journey' },
			{ type: 'timer.pause', itemId: 'objective' },
			{ type: 'timer.extend', itemId: 'objective', minutes: 5 },
			{ type: 'facilitator.handOver', toUserId: CAST.sam.userId },
			{ type: 'walkthrough.openAccount', accountId: ACCOUNTS.globex },
			{ type: 'walkthrough.focusEvent', accountId: ACCOUNTS.acme, activityId: 1 },
			{ type: 'spotting.deal', assignments: [{ userId: CAST.sam.userId, accountId: ACCOUNTS.acme }] },
			{ type: 'spotting.reveal', dealId: testId(5) },
			{ type: 'playbookChange.agree', text: 'x' },
			{ type: 'playbookChange.remove', changeId: testId(5) }
		];
		for (const input of steering) {
			const c = command(input);
			expect(FACILITATOR_COMMANDS.has(c.type), c.type).toBe(true);
			expect(authorizeCommand(session.state, c, CAST.sam), c.type).toBe('Only the facilitator of this session can do that.');
			expect(authorizeCommand(session.state, c, CAST.fran), c.type).toBeNull();
			expect(authorizeCommand(session.state, c, CAST.ada), c.type).toBeNull();
		}
		session.must(CAST.fran, { type: 'facilitator.handOver', toUserId: CAST.sam.userId });
		const end = command({ type: 'session.end' });
		expect(authorizeCommand(session.state, end, CAST.sam)).toBeNull();
		expect(authorizeCommand(session.state, end, CAST.fran)).toMatch(/Only the facilitator/);
		const stranger = { userId: testId(77), role: 'facilitator', department: 'sales' } as const;
		expect(authorizeCommand(session.state, end, stranger)).toMatch(/Only the facilitator/);
	});

	it('lets anyone taking part tag, but only the author change or withdraw a tag', () => {
		const session = createLiveSession();
		const tagId = session.must(CAST.sam, tagInput);
		const { signal, polarity, interpretation } = tagInput;
		const edit = command({ type: 'tag.edit', tagId, signal, polarity, interpretation });
		const withdraw = command({ type: 'tag.withdraw', tagId });
		expect(authorizeCommand(session.state, edit, CAST.sam)).toBeNull();
		expect(authorizeCommand(session.state, withdraw, CAST.sam)).toBeNull();
		for (const other of [CAST.sue, CAST.fran, CAST.ada, CAST.otto]) {
			expect(authorizeCommand(session.state, edit, other)).toMatch(/Only the person who made a tag/);
			expect(authorizeCommand(session.state, withdraw, other)).toMatch(/Only the person who made a tag/);
		}
	});

	it('lets only participants dealt in the round answer it', () => {
		const session = createLiveSession();
		const dealId = session.must(CAST.fran, {
			type: 'spotting.deal',
			assignments: [{ userId: CAST.sam.userId, accountId: ACCOUNTS.acme }]
		});
		const answer = (dealt: string) =>
			command({
				type: 'spotting.answer',
				dealId: dealt,
				positive: { activityId: 1, note: 'a' },
				risk: { activityId: 2, note: 'b' }
			});
		expect(authorizeCommand(session.state, answer(dealId), CAST.sam)).toBeNull();
		expect(authorizeCommand(session.state, answer(dealId), CAST.sue)).toMatch(/not dealt an account/);
		expect(authorizeCommand(session.state, answer(dealId), CAST.fran)).toMatch(/not dealt an account/);
	});

	it('lets authors, owners and the facilitator tidy insights, action items and wins', () => {
		const session = createLiveSession();
		const insightId = session.must(CAST.sam, { type: 'insight.add', text: 'Tickets spike before churn' });
		const actionItemId = session.must(CAST.sam, {
			type: 'actionItem.add',
			title: 'Call Acme',
			ownerId: CAST.sue.userId,
			dueOn: '2026-03-10'
		});
		const winId = session.must(CAST.sam, { type: 'win.record', kind: 'upsell', text: 'Upgraded' });
		const removeInsight = command({ type: 'insight.remove', insightId });
		const update = command({ type: 'actionItem.update', actionItemId, title: 'x', ownerId: CAST.sue.userId, dueOn: '2026-03-11' });
		const removeWin = command({ type: 'win.remove', winId });
		for (const c of [removeInsight, update, removeWin]) {
			expect(authorizeCommand(session.state, c, CAST.sam)).toBeNull();
			expect(authorizeCommand(session.state, c, CAST.fran)).toBeNull();
			expect(authorizeCommand(session.state, c, CAST.ada)).toBeNull();
			expect(authorizeCommand(session.state, c, CAST.mark)).toMatch(/^Only the/);
		}
		expect(authorizeCommand(session.state, update, CAST.sue)).toBeNull();
		expect(authorizeCommand(session.state, removeInsight, CAST.sue)).toMatch(/^Only the/);
	});

	it('refuses everything once the session has ended', () => {
		const session = createLiveSession();
		session.must(CAST.fran, { type: 'session.end' });
		for (const actor of [CAST.fran, CAST.sam, CAST.otto]) {
			expect(authorizeCommand(session.state, command(tagInput), actor)).toMatch(/has ended/);
			expect(authorizeCommand(session.state, command({ type: 'session.start' }), actor)).toMatch(/has ended/);
		}
	});
});
