import { describe, expect, it } from 'vitest';
import { scoreLead, type FiringSignal } from './leadScore';

const NOW = new Date('2026-06-01T00:00:00Z');
const DAY = 86_400_000;
const daysAgo = (d: number) => new Date(NOW.getTime() - d * DAY);

function firing(signalId: string, weight: number, extra: Partial<FiringSignal> = {}): FiringSignal {
	return { signalId, name: signalId, weight, decayMs: null, evidenceAt: daysAgo(1), firstFiredAt: daysAgo(2), ...extra };
}

describe('scoreLead', () => {
	it('adds the weights of firing signals and explains each part, largest first', () => {
		const s = scoreLead([firing('webinar', 20), firing('pricing', 35), firing('detractor', -15)], NOW);
		expect(s).toEqual({
			score: 40,
			raw: 40,
			contributions: [
				{ signalId: 'pricing', name: 'pricing', weight: 35, points: 35, ageDays: null },
				{ signalId: 'webinar', name: 'webinar', weight: 20, points: 20, ageDays: null },
				{ signalId: 'detractor', name: 'detractor', weight: -15, points: -15, ageDays: null }
			]
		});
	});

	it('clamps to 0..100 but keeps the raw sum', () => {
		expect(scoreLead([firing('a', 80), firing('b', 70)], NOW)).toMatchObject({ score: 100, raw: 150 });
		expect(scoreLead([firing('a', -30)], NOW)).toMatchObject({ score: 0, raw: -30 });
		expect(scoreLead([], NOW)).toEqual({ score: 0, raw: 0, contributions: [] });
	});

	it('halves a decaying weight for each half-life since the latest evidence', () => {
		const s = scoreLead([firing('a', 40, { decayMs: 10 * DAY, evidenceAt: daysAgo(20) }), firing('b', 30, { decayMs: 30 * DAY, evidenceAt: daysAgo(0) })], NOW);
		expect(s.contributions).toEqual([
			{ signalId: 'b', name: 'b', weight: 30, points: 30, ageDays: 0 },
			{ signalId: 'a', name: 'a', weight: 40, points: 10, ageDays: 20 }
		]);
		expect(s.score).toBe(40);
	});

	it('ages a hit without evidence from when it first fired, and leaves out zero weights', () => {
		const s = scoreLead([firing('attr', 20, { decayMs: 5 * DAY, evidenceAt: null, firstFiredAt: daysAgo(5) }), firing('zero', 0)], NOW);
		expect(s.contributions).toEqual([{ signalId: 'attr', name: 'attr', weight: 20, points: 10, ageDays: 5 }]);
	});
});
