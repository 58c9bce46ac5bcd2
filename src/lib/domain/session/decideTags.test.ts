import { describe, expect, it } from 'vitest';
import { findById } from './state';
import { ACCOUNTS, CAST, createLiveSession, testId } from './testSession';
import { LIMITS } from './vocabulary';
import { normalizeSignalName, signalKey } from './signalKey';

const tag = (over: Record<string, unknown> = {}) => ({
	type: 'tag.add',
	activityId: 11,
	accountId: ACCOUNTS.acme,
	signal: { kind: 'playbook', signalId: 'pricing-page-repeat' },
	polarity: 'positive',
	interpretation: 'Comparing plans',
	...over
});

const editOf = (tagId: string, over: Record<string, unknown> = {}) => ({
	type: 'tag.edit',
	tagId,
	signal: { kind: 'playbook', signalId: 'pricing-page-repeat' },
	polarity: 'positive',
	interpretation: 'Comparing plans',
	...over
});

describe('tags', () => {
	it('adds a tag with the tagger’s department, its id being the command id', () => {
		const session = createLiveSession();
		const tagId = session.must(CAST.sue, tag());
		expect(findById(session.state.tags, tagId)).toMatchObject({
			id: tagId,
			activityId: 11,
			accountId: ACCOUNTS.acme,
			authorId: CAST.sue.userId,
			department: 'support',
			polarity: 'positive',
			editedAt: null
		});
	});

	it('refuses the same author tagging one event with one signal twice, but not others', () => {
		const session = createLiveSession();
		session.must(CAST.sam, tag({ signal: { kind: 'new', name: 'Quiet  Champion' } }));
		expect(session.send(CAST.sam, tag({ signal: { kind: 'new', name: 'quiet champion ' } }))).toMatchObject({
			ok: false,
			refusal: expect.stringMatching(/already tagged this event with that signal/)
		});
		session.must(CAST.sue, tag({ signal: { kind: 'new', name: 'quiet champion' } }));
		session.must(CAST.sam, tag({ activityId: 12, signal: { kind: 'new', name: 'quiet champion' } }));
		session.must(CAST.sam, tag({ polarity: 'risk' }));
		expect(session.state.tags).toHaveLength(4);
	});

	it('stores new signal names with single spaces', () => {
		const session = createLiveSession();
		const id = session.must(CAST.sam, tag({ signal: { kind: 'new', name: ' Quiet \n Champion ' } }));
		expect(findById(session.state.tags, id)?.signal).toEqual({ kind: 'new', name: 'Quiet Champion' });
	});

	it('edits a tag in place, and accepts an edit that changes nothing without events', () => {
		const session = createLiveSession();
		const tagId = session.must(CAST.sam, tag());
		session.tick(1000);
		session.must(CAST.sam, editOf(tagId, { polarity: 'risk', interpretation: 'Shopping for a cheaper plan' }));
		expect(findById(session.state.tags, tagId)).toMatchObject({
			polarity: 'risk',
			interpretation: 'Shopping for a cheaper plan',
			activityId: 11,
			editedAt: session.now.toISOString()
		});
		expect(session.send(CAST.sam, editOf(tagId, { polarity: 'risk', interpretation: 'Shopping for a cheaper plan' }))).toMatchObject(
			{ ok: true, events: [] }
		);
	});

	it('refuses an edit that would duplicate another of the author’s tags', () => {
		const session = createLiveSession();
		const first = session.must(CAST.sam, tag());
		session.must(CAST.sam, tag({ signal: { kind: 'playbook', signalId: 'demo-request' } }));
		expect(session.send(CAST.sam, editOf(first, { signal: { kind: 'playbook', signalId: 'demo-request' } }))).toMatchObject({
			ok: false
		});
	});

	it('withdraws a tag; withdrawing again is accepted and changes nothing; editing it is refused', () => {
		const session = createLiveSession();
		const tagId = session.must(CAST.sam, tag());
		session.must(CAST.sam, { type: 'tag.withdraw', tagId });
		expect(session.state.tags).toEqual([]);
		expect(session.send(CAST.sam, { type: 'tag.withdraw', tagId })).toMatchObject({ ok: true, events: [] });
		expect(session.send(CAST.sam, editOf(tagId))).toMatchObject({ ok: false, refusal: expect.stringMatching(/withdrawn/) });
	});

	it('keeps tags that are evidence for an agreed playbook change', () => {
		const session = createLiveSession();
		const tagId = session.must(CAST.sam, tag());
		const changeId = session.must(CAST.fran, { type: 'playbookChange.agree', text: 'x', evidenceTagIds: [tagId] });
		expect(session.send(CAST.sam, { type: 'tag.withdraw', tagId })).toMatchObject({
			ok: false,
			refusal: expect.stringMatching(/evidence for a playbook change/)
		});
		session.must(CAST.fran, { type: 'playbookChange.remove', changeId });
		session.must(CAST.sam, { type: 'tag.withdraw', tagId });
	});

	it(`holds at most ${LIMITS.tags} tags`, () => {
		const session = createLiveSession();
		session.must(CAST.sam, tag());
		const tags = Array.from({ length: LIMITS.tags }, (_, i) => ({ ...session.state.tags[0], id: testId(i + 10_000) }));
		session.state = { ...session.state, tags };
		expect(session.send(CAST.sue, tag())).toMatchObject({ ok: false, refusal: expect.stringMatching(/most one session/) });
	});
});

describe('signalKey', () => {
	it('treats new names alike whatever their case and spacing, and apart from playbook ids', () => {
		expect(signalKey({ kind: 'new', name: ' Quiet   CHAMPION' })).toBe(signalKey({ kind: 'new', name: 'quiet champion' }));
		expect(signalKey({ kind: 'new', name: 'demo-request' })).not.toBe(signalKey({ kind: 'playbook', signalId: 'demo-request' }));
		expect(normalizeSignalName('\tA\nB ')).toBe('a b');
	});
});
