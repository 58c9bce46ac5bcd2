import { describe, expect, it } from 'vitest';
import { parseCommand, sessionCommandSchema, type SessionCommandType } from './commands';

const testId = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const commandId = testId(900);
const acme = testId(101);

function problem(input: Record<string, unknown>): string {
	const parsed = parseCommand({ commandId, ...input });
	if (parsed.ok) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
	return parsed.message;
}

function parsed(input: Record<string, unknown>) {
	const result = parseCommand({ commandId, ...input });
	if (!result.ok) throw new Error(result.message);
	return result.command;
}

const tag = {
	type: 'tag.add',
	activityId: 42,
	accountId: acme,
	signal: { kind: 'playbook', signalId: 'pricing-page-repeat' },
	polarity: 'positive',
	interpretation: 'Comparing plans before the renewal'
};

describe('parseCommand', () => {
	it('accepts one example of every command', () => {
		const examples: Record<SessionCommandType, Record<string, unknown>> = {
			'session.start': {},
			'session.end': {},
			'agenda.open': { itemId: 'journey' },
			'timer.start': { itemId: 'journey' },
			'timer.pause': { itemId: 'journey' },
			'timer.extend': { itemId: 'journey', minutes: 5 },
			'participant.join': {},
			'ready.set': { itemId: 'journey', ready: true },
			'facilitator.handOver': { toUserId: testId(2) },
			'walkthrough.openAccount': { accountId: acme },
			'walkthrough.focusEvent': { accountId: acme, activityId: null },
			'tag.add': tag,
			'tag.edit': { tagId: testId(50), signal: { kind: 'new', name: 'Quiet champion' }, polarity: 'risk', interpretation: 'x' },
			'tag.withdraw': { tagId: testId(50) },
			'spotting.deal': { assignments: [{ userId: testId(2), accountId: acme }] },
			'spotting.answer': {
				dealId: testId(60),
				positive: { activityId: 1, note: 'demo booked' },
				risk: { activityId: 2, note: 'angry ticket' }
			},
			'spotting.reveal': { dealId: testId(60) },
			'calibration.rate': { itemId: 'leads', accountId: testId(10), score: 72, reason: 'Three pricing visits' },
			'calibration.reveal': { itemId: 'leads', accountId: null },
			'calibration.reopen': { itemId: 'leads', accountId: testId(10) },
			'calibration.consensus': { itemId: 'leads', accountId: testId(10), score: 65 },
			'calibration.criteria': { itemId: 'leads', text: 'A demo request beats any number of opens' },
			'insight.add': { text: 'Support sees churn first' },
			'insight.remove': { insightId: testId(70) },
			'actionItem.add': { title: 'Call Acme', ownerId: testId(2), dueOn: '2026-03-10' },
			'actionItem.update': { actionItemId: testId(80), title: 'Call Acme', ownerId: testId(2), dueOn: '2026-03-10', accountId: acme },
			'actionItem.remove': { actionItemId: testId(80) },
			'playbookChange.agree': { text: 'Lower the login threshold to 10 days', evidenceTagIds: [testId(50), testId(50)] },
			'playbookChange.remove': { changeId: testId(90) },
			'win.record': { kind: 'saved-account', text: 'Check-in saved the renewal' },
			'win.remove': { winId: testId(91) }
		};
		for (const [type, payload] of Object.entries(examples)) {
			const result = parseCommand({ type, commandId, ...payload });
			expect(result, type).toMatchObject({ ok: true, command: { type, commandId } });
		}
		expect(sessionCommandSchema.options).toHaveLength(Object.keys(examples).length);
	});

	it('fills defaults and tidies text', () => {
		expect(parsed({ type: 'actionItem.add', title: '  Call  ', ownerId: testId(2), dueOn: '2026-03-10' })).toMatchObject({
			title: 'Call',
			accountId: null
		});
		expect(parsed({ type: 'playbookChange.agree', text: 'x', evidenceTagIds: [testId(5), testId(5)] })).toMatchObject({
			signalId: null,
			evidenceTagIds: [testId(5)]
		});
		expect(parsed({ type: 'win.record', kind: 'upsell', text: 'Upgraded' })).toMatchObject({ accountId: null });
	});

	it('needs a client-made UUID as commandId', () => {
		expect(parseCommand({ type: 'session.start' })).toMatchObject({ ok: false, field: 'commandId' });
		expect(parseCommand({ type: 'session.start', commandId: '42' })).toMatchObject({
			ok: false,
			message: expect.stringMatching(/commandId: a UUID the client makes/)
		});
	});

	it('refuses unknown commands and shapes in plain words', () => {
		expect(problem({ type: 'session.delete' })).toBe('That is not a command a live session knows.');
		expect(problem({})).toBe('That is not a command a live session knows.');
		expect(parseCommand(null)).toEqual({ ok: false, message: 'A command is an object with a type and a commandId.' });
		expect(parseCommand('session.start')).toMatchObject({ ok: false, message: expect.stringMatching(/an object/) });
	});

	it('refuses fields the server must fill in itself', () => {
		expect(problem({ ...tag, department: 'sales' })).toBe("This command does not take 'department'.");
		expect(problem({ type: 'session.start', actorId: testId(1), at: 'now' })).toBe("This command does not take 'actorId', 'at'.");
		expect(problem({ ...tag, signal: { kind: 'new', name: 'x', signalId: 'y' } })).toMatch(/does not take 'signalId'/);
	});

	it('keeps tags short and well formed', () => {
		expect(problem({ ...tag, interpretation: 'x'.repeat(281) })).toBe(
			'Keep what the signal means here to 280 characters or fewer.'
		);
		expect(parsed({ ...tag, interpretation: 'x'.repeat(280) })).toMatchObject({ interpretation: 'x'.repeat(280) });
		expect(problem({ ...tag, interpretation: '   ' })).toBe('Write what the signal means here.');
		expect(problem({ ...tag, polarity: 'neutral' })).toMatch(/positive or a risk/);
		expect(problem({ ...tag, signal: { kind: 'playbook', signalId: 'Pricing Page' } })).toMatch(/from the playbook/);
		expect(problem({ ...tag, signal: { kind: 'new', name: 'x'.repeat(81) } })).toMatch(/80 characters/);
		expect(problem({ ...tag, signal: 'pricing' })).toMatch(/playbook signal, or name a new one/);
		expect(problem({ ...tag, activityId: 1.5 })).toMatch(/event on the timeline/);
		expect(problem({ ...tag, activityId: '42' })).toMatch(/event on the timeline/);
		expect(problem({ ...tag, accountId: 'acme' })).toMatch(/account from the CRM/);
	});

	it('checks limits of the other commands', () => {
		expect(problem({ type: 'timer.extend', itemId: 'a', minutes: 0 })).toMatch(/at least 1 minute/);
		expect(problem({ type: 'timer.extend', itemId: 'a', minutes: 61 })).toMatch(/at most 60 minutes/);
		expect(problem({ type: 'agenda.open', itemId: '' })).toMatch(/letters, digits and hyphens/);
		expect(problem({ type: 'insight.add', text: 'x'.repeat(1001) })).toMatch(/1000 characters/);
		expect(problem({ type: 'actionItem.add', title: 'Call', ownerId: testId(2), dueOn: '2026-02-30' })).toMatch(
			/not a day of the calendar/
		);
		expect(problem({ type: 'actionItem.add', title: 'Call', ownerId: testId(2), dueOn: '2026-02-29' })).toMatch(/calendar/);
		expect(parsed({ type: 'actionItem.add', title: 'Call', ownerId: testId(2), dueOn: '2028-02-29' })).toMatchObject({ dueOn: '2028-02-29' });
		expect(problem({ type: 'actionItem.add', title: 'Call', ownerId: testId(2), dueOn: '0000-01-01' })).toBe('That due date is not a day of the calendar between 1900 and 2999.');
		expect(problem({ type: 'actionItem.add', title: 'Call', ownerId: testId(2), dueOn: '10/03/2026' })).toMatch(/YYYY-MM-DD/);
		expect(problem({ type: 'actionItem.add', title: 'Call', ownerId: testId(2) })).toMatch(/due date/);
		expect(problem({ type: 'win.record', kind: 'jackpot', text: 'x' })).toMatch(/kind of win/);
		expect(problem({ type: 'spotting.deal', assignments: [] })).toMatch(/at least one participant/);
		const twice = [
			{ userId: testId(2), accountId: acme },
			{ userId: testId(2), accountId: testId(102) }
		];
		expect(problem({ type: 'spotting.deal', assignments: twice })).toMatch(/one account only/);
		expect(
			problem({
				type: 'playbookChange.agree',
				text: 'x',
				evidenceTagIds: Array.from({ length: 51 }, (_, i) => testId(i + 1))
			})
		).toMatch(/at most 50 tags/);
		expect(
			problem({
				type: 'spotting.answer',
				dealId: testId(60),
				positive: { activityId: 1, note: '' },
				risk: { activityId: 2, note: 'x' }
			})
		).toBe('Write why this is a positive signal.');
	});

	it('names the field that is wrong', () => {
		expect(parseCommand({ commandId, ...tag, polarity: 'meh' })).toMatchObject({ ok: false, field: 'polarity' });
		expect(parseCommand({ commandId, ...tag, signal: { kind: 'new', name: '' } })).toMatchObject({
			ok: false,
			field: 'signal.name'
		});
	});
});
