import { describe, expect, it } from 'vitest';
import { planHitChanges, type RuleResult } from './planHitChanges';

const NOW = new Date('2026-06-01T12:00:00Z');
const t = (day: number) => new Date(Date.UTC(2026, 4, day));

function result(accountId: string, extra: Partial<RuleResult> = {}): RuleResult {
	return { accountId, holdsNow: true, lastStartedAt: t(10), lastEndedAt: null, evidence: [1, 2], evidenceAt: t(10), ...extra };
}

describe('planHitChanges', () => {
	it('opens a hit for an account it now holds for, with the occurrence start as first fired', () => {
		expect(planHitChanges([result('a')], [], new Map(), NOW)).toEqual({
			opened: [{ accountId: 'a', firstFiredAt: t(10), lastFiredAt: NOW, closedAt: null, evidence: [1, 2], evidenceAt: t(10) }],
			past: [],
			refreshed: [],
			closed: []
		});
	});

	it('refreshes an open hit that still holds instead of opening another', () => {
		const changes = planHitChanges([result('a', { evidence: [1, 2, 3], evidenceAt: t(12) })], [{ id: 'h1', accountId: 'a', firstFiredAt: t(10) }], new Map(), NOW);
		expect(changes).toEqual({ opened: [], past: [], refreshed: [{ id: 'h1', evidence: [1, 2, 3], evidenceAt: t(12) }], closed: [] });
	});

	it('closes an open hit at the instant the rule stopped holding', () => {
		const changes = planHitChanges([result('a', { holdsNow: false, lastEndedAt: t(20) })], [{ id: 'h1', accountId: 'a', firstFiredAt: t(10) }], new Map(), NOW);
		expect(changes.closed).toEqual([{ id: 'h1', closedAt: t(20) }]);
		expect(changes.opened).toEqual([]);
	});

	it('closes open hits the rule no longer fires for at all, as of now', () => {
		const changes = planHitChanges([], [{ id: 'h1', accountId: 'a', firstFiredAt: t(10) }], new Map(), NOW);
		expect(changes.closed).toEqual([{ id: 'h1', closedAt: NOW }]);
	});

	it('keeps an occurrence that came and went as a closed hit, once', () => {
		const gone = result('a', { holdsNow: false, lastStartedAt: t(15), lastEndedAt: t(18) });
		expect(planHitChanges([gone], [], new Map(), NOW).past).toEqual([
			{ accountId: 'a', firstFiredAt: t(15), lastFiredAt: t(18), closedAt: t(18), evidence: [1, 2], evidenceAt: t(10) }
		]);
		expect(planHitChanges([gone], [], new Map([['a', t(15)]]), NOW).past).toEqual([]);
		expect(planHitChanges([gone], [], new Map([['a', t(2)]]), NOW).past).toHaveLength(1);
	});
});
