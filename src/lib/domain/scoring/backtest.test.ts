import { describe, expect, it } from 'vitest';
import { formatRate, summarizeBacktest, type AccountOutcome } from './backtest';

const at = (iso: string) => new Date(`${iso}T12:00:00Z`);
const period = { start: new Date('2026-01-01T00:00:00Z'), end: new Date('2026-03-31T23:59:59Z') };

describe('summarizeBacktest (hand-computed fixture)', () => {
	// Ten accounts; the rule fired on A, B and C in the period.
	const fired = [
		{ accountId: 'A', firedAt: at('2026-01-10') },
		{ accountId: 'B', firedAt: at('2026-02-01') },
		{ accountId: 'C', firedAt: at('2026-03-01') }
	];
	const outcomes: AccountOutcome[] = [
		{ accountId: 'A', kind: 'won', at: at('2026-01-20') }, // 10 days after firing
		{ accountId: 'A', kind: 'won', at: at('2026-02-20') }, // a second win: only the first counts
		{ accountId: 'B', kind: 'won', at: at('2026-01-15') }, // before B fired: not counted
		{ accountId: 'B', kind: 'churned', at: at('2026-04-10') }, // after the period, 68 days after firing
		{ accountId: 'C', kind: 'won', at: at('2026-03-04') }, // 3 days
		{ accountId: 'C', kind: 'lost', at: at('2026-03-02') }, // 1 day
		{ accountId: 'D', kind: 'won', at: at('2026-01-05') }, // the rest, in the period
		{ accountId: 'E', kind: 'won', at: at('2025-12-20') }, // the rest, before the period: not counted
		{ accountId: 'F', kind: 'churned', at: at('2026-02-01') },
		{ accountId: 'G', kind: 'lost', at: at('2026-03-10') }
	];
	const result = summarizeBacktest({ period, accountCount: 10, fired, outcomes });
	const byKind = Object.fromEntries(result.outcomes.map((o) => [o.kind, o]));

	it('counts the fired accounts and the rest', () => {
		expect(result.firedCount).toBe(3);
		expect(result.restCount).toBe(7);
	});
	it('gives closed-won rates with their bases and the median lead time', () => {
		expect(byKind.won.fired).toEqual({ count: 2, of: 3, rate: 2 / 3 });
		expect(byKind.won.rest).toEqual({ count: 1, of: 7, rate: 1 / 7 });
		expect(byKind.won.medianLeadDays).toBe(6.5); // median of 10 and 3
	});
	it('gives closed-lost and churn rates the same way', () => {
		expect(byKind.lost.fired).toEqual({ count: 1, of: 3, rate: 1 / 3 });
		expect(byKind.lost.rest).toEqual({ count: 1, of: 7, rate: 1 / 7 });
		expect(byKind.lost.medianLeadDays).toBe(1);
		expect(byKind.churned.fired.count).toBe(1);
		expect(byKind.churned.rest.count).toBe(1);
		expect(byKind.churned.medianLeadDays).toBe(68);
	});
	it('labels outcomes for people', () => {
		expect(result.outcomes.map((o) => o.label)).toEqual(['Closed won', 'Closed lost', 'Churned']);
	});
});

describe('summarizeBacktest edges', () => {
	it('has no rate and no lead time when the rule fired on nobody', () => {
		const r = summarizeBacktest({ period, accountCount: 2, fired: [], outcomes: [{ accountId: 'X', kind: 'won', at: at('2026-02-01') }] });
		expect(r.outcomes[0].fired).toEqual({ count: 0, of: 0, rate: null });
		expect(r.outcomes[0].rest).toEqual({ count: 1, of: 2, rate: 0.5 });
		expect(r.outcomes[0].medianLeadDays).toBeNull();
	});
	it('has an empty rest when the rule fired on every account', () => {
		const r = summarizeBacktest({ period, accountCount: 1, fired: [{ accountId: 'X', firedAt: at('2026-01-02') }], outcomes: [] });
		expect(r.restCount).toBe(0);
		expect(r.outcomes[2].rest.rate).toBeNull();
	});
	it('formats rates as whole percentages', () => {
		expect(formatRate(2 / 3)).toBe('67%');
		expect(formatRate(null)).toBe('—');
	});
});
