import { describe, expect, it } from 'vitest';
import { planHitChanges, type RuleResult, type StoredHit } from './planHitChanges';

const NOW = new Date('2026-06-01T12:00:00Z');
const t = (day: number) => new Date(Date.UTC(2026, 4, day));
/** An incremental detection under playbook revision 3. */
const INCREMENTAL = { now: NOW, revision: 3, confirm: false };
/** The open hit h1 on account a, as stored: evidence [1, 2] from day 10, found by revision 3. */
const stored = (extra: Partial<StoredHit> = {}): StoredHit => ({ id: 'h1', accountId: 'a', firstFiredAt: t(10), evidence: [1, 2], evidenceAt: t(10), revision: 3, ...extra });

function result(accountId: string, extra: Partial<RuleResult> = {}): RuleResult {
	return { accountId, holdsNow: true, lastStartedAt: t(10), lastEndedAt: null, evidence: [1, 2], evidenceAt: t(10), ...extra };
}

describe('planHitChanges', () => {
	it('opens a hit for an account it now holds for, with the occurrence start as first fired', () => {
		expect(planHitChanges([result('a')], [], new Map(), INCREMENTAL)).toEqual({
			opened: [{ accountId: 'a', firstFiredAt: t(10), lastFiredAt: NOW, closedAt: null, evidence: [1, 2], evidenceAt: t(10) }],
			past: [],
			refreshed: [],
			closed: []
		});
	});

	it('refreshes an open hit that still holds instead of opening another', () => {
		const changes = planHitChanges([result('a', { evidence: [1, 2, 3], evidenceAt: t(12) })], [stored()], new Map(), INCREMENTAL);
		expect(changes).toEqual({ opened: [], past: [], refreshed: [{ id: 'h1', evidence: [1, 2, 3], evidenceAt: t(12) }], closed: [] });
	});

	it('leaves an open hit alone when it still holds with the same evidence and revision', () => {
		expect(planHitChanges([result('a')], [stored()], new Map(), INCREMENTAL)).toEqual({ opened: [], past: [], refreshed: [], closed: [] });
	});

	it('refreshes an unchanged hit when a new playbook revision found it, or when the detection confirms every hit (a sweep)', () => {
		const refreshed = [{ id: 'h1', evidence: [1, 2], evidenceAt: t(10) }];
		expect(planHitChanges([result('a')], [stored({ revision: 2 })], new Map(), INCREMENTAL).refreshed).toEqual(refreshed);
		expect(planHitChanges([result('a')], [stored()], new Map(), { ...INCREMENTAL, confirm: true }).refreshed).toEqual(refreshed);
	});

	it('refreshes a hit whose evidence moved to a later activity of the same time, or whose evidence time changed', () => {
		expect(planHitChanges([result('a', { evidence: [1, 3] })], [stored()], new Map(), INCREMENTAL).refreshed).toHaveLength(1);
		expect(planHitChanges([result('a', { evidenceAt: null })], [stored()], new Map(), INCREMENTAL).refreshed).toHaveLength(1);
	});

	it('closes an open hit at the instant the rule stopped holding', () => {
		const changes = planHitChanges([result('a', { holdsNow: false, lastEndedAt: t(20) })], [stored()], new Map(), INCREMENTAL);
		expect(changes.closed).toEqual([{ id: 'h1', closedAt: t(20) }]);
		expect(changes.opened).toEqual([]);
	});

	it('closes open hits the rule no longer fires for at all, as of now', () => {
		const changes = planHitChanges([], [stored()], new Map(), INCREMENTAL);
		expect(changes.closed).toEqual([{ id: 'h1', closedAt: NOW }]);
	});

	it('keeps an occurrence that came and went as a closed hit, once', () => {
		const gone = result('a', { holdsNow: false, lastStartedAt: t(15), lastEndedAt: t(18) });
		expect(planHitChanges([gone], [], new Map(), INCREMENTAL).past).toEqual([
			{ accountId: 'a', firstFiredAt: t(15), lastFiredAt: t(18), closedAt: t(18), evidence: [1, 2], evidenceAt: t(10) }
		]);
		expect(planHitChanges([gone], [], new Map([['a', t(15)]]), INCREMENTAL).past).toEqual([]);
		expect(planHitChanges([gone], [], new Map([['a', t(2)]]), INCREMENTAL).past).toHaveLength(1);
	});
});
