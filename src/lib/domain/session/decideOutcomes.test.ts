import { describe, expect, it } from 'vitest';
import { findById } from './state';
import { ACCOUNTS, CAST, createLiveSession, testId } from './testSession';

const action = (over: Record<string, unknown> = {}) => ({
	type: 'actionItem.add',
	title: 'Book a check-in with Acme',
	ownerId: CAST.sue.userId,
	dueOn: '2026-03-11',
	accountId: ACCOUNTS.acme,
	...over
});

describe('insights', () => {
	it('records the agenda item that was open, and removes them once', () => {
		const session = createLiveSession();
		session.must(CAST.fran, { type: 'agenda.open', itemId: 'actions' });
		const id = session.must(CAST.mark, { type: 'insight.add', text: 'Webinar + demo click within 3 days closes' });
		expect(findById(session.state.insights, id)).toMatchObject({ itemId: 'actions', authorId: CAST.mark.userId });
		session.must(CAST.mark, { type: 'insight.remove', insightId: id });
		expect(session.state.insights).toEqual([]);
		expect(session.send(CAST.mark, { type: 'insight.remove', insightId: id })).toMatchObject({ ok: true, events: [] });
	});
});

describe('action items', () => {
	it('adds, updates and removes, with the author kept', () => {
		const session = createLiveSession();
		const id = session.must(CAST.sam, action());
		expect(findById(session.state.actionItems, id)).toMatchObject({ title: 'Book a check-in with Acme', authorId: CAST.sam.userId, updatedAt: null });
		session.tick(1000);
		session.must(CAST.sue, { ...action({ dueOn: '2026-03-12', accountId: null }), type: 'actionItem.update', actionItemId: id });
		expect(findById(session.state.actionItems, id)).toMatchObject({
			dueOn: '2026-03-12',
			accountId: null,
			authorId: CAST.sam.userId,
			updatedAt: session.now.toISOString()
		});
		const same = { ...action({ dueOn: '2026-03-12', accountId: null }), type: 'actionItem.update', actionItemId: id };
		expect(session.send(CAST.sue, same)).toMatchObject({ ok: true, events: [] });
		session.must(CAST.sam, { type: 'actionItem.remove', actionItemId: id });
		expect(session.send(CAST.sam, same)).toMatchObject({ ok: false, refusal: expect.stringMatching(/removed/) });
	});
});

describe('playbook changes', () => {
	it('are agreed by the facilitator with tags of this session as evidence', () => {
		const session = createLiveSession();
		const tagId = session.must(CAST.sue, {
			type: 'tag.add',
			activityId: 4,
			accountId: ACCOUNTS.acme,
			signal: { kind: 'new', name: 'Escalating tone' },
			polarity: 'risk',
			interpretation: 'Third ticket, angrier each time'
		});
		const changeId = session.must(CAST.fran, {
			type: 'playbookChange.agree',
			text: 'Add an "escalating tone" support-gap signal',
			evidenceTagIds: [tagId]
		});
		expect(findById(session.state.playbookChanges, changeId)).toMatchObject({ evidenceTagIds: [tagId], signalId: null, agreedBy: CAST.fran.userId });
		expect(
			session.send(CAST.fran, { type: 'playbookChange.agree', text: 'x', evidenceTagIds: [testId(4040)] })
		).toMatchObject({ ok: false, refusal: expect.stringMatching(/withdrawn/) });
	});
});

describe('wins', () => {
	it('are recorded by anyone taking part and removed by their author', () => {
		const session = createLiveSession();
		const id = session.must(CAST.sam, { type: 'win.record', kind: 'closed-deal', accountId: ACCOUNTS.globex, text: 'Demo offer after pricing visits' });
		expect(findById(session.state.wins, id)).toMatchObject({ kind: 'closed-deal', recordedBy: CAST.sam.userId });
		session.must(CAST.sam, { type: 'win.remove', winId: id });
		expect(session.state.wins).toEqual([]);
	});
});

describe('session limits', () => {
	it('refuses new outcomes once a session holds the most it can keep', () => {
		const session = createLiveSession();
		const many = <T>(n: number) => Array.from({ length: n }, (_, i) => ({ id: testId(20_000 + i) }) as T);
		session.state = {
			...session.state,
			insights: many(1000),
			actionItems: many(500),
			playbookChanges: many(200),
			wins: many(200)
		};
		expect(session.send(CAST.sam, { type: 'insight.add', text: 'x' })).toMatchObject({ ok: false, refusal: expect.stringMatching(/1000 insights/) });
		expect(session.send(CAST.sam, action())).toMatchObject({ ok: false, refusal: expect.stringMatching(/500 action items/) });
		expect(session.send(CAST.fran, { type: 'playbookChange.agree', text: 'x' })).toMatchObject({ ok: false });
		expect(session.send(CAST.sam, { type: 'win.record', kind: 'other', text: 'x' })).toMatchObject({ ok: false });
	});
});
