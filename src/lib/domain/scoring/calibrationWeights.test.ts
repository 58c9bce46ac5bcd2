import { describe, expect, it } from 'vitest';
import { checkWeightsOnHistory, fitSignalWeights, modelScore, type ClosedDealAccount, type ConsensusLead } from './calibrationWeights';

const signals = [
	{ signalId: 'webinar', name: 'Webinar', weight: 30 },
	{ signalId: 'demo', name: 'Demo click', weight: 30 },
	{ signalId: 'unused', name: 'Unused', weight: 15 }
];
// Webinar alone: 60; both: 80; demo alone: 20. Exactly solved by webinar 60, demo 20.
const leads: ConsensusLead[] = [
	{ leadId: 'a', consensus: 60, features: { webinar: 1 } },
	{ leadId: 'b', consensus: 80, features: { webinar: 1, demo: 1 } },
	{ leadId: 'c', consensus: 20, features: { demo: 1 } }
];

describe('modelScore', () => {
	it('sums weight × share of what fires, within 0-100', () => {
		expect(modelScore({ a: 40, b: 30 }, { a: 1, b: 0.5 })).toBe(55);
		expect(modelScore({ a: 80, b: 70 }, { a: 1, b: 1 })).toBe(100);
		expect(modelScore({ a: -30 }, { a: 1 })).toBe(0);
		expect(modelScore({}, { a: 1 })).toBe(0);
	});
});

describe('fitSignalWeights', () => {
	it('finds the exact weights when the consensus allows them (no pull toward the old ones)', () => {
		const p = fitSignalWeights(signals, leads, { ridge: 0 });
		expect(p.weights.map((w) => [w.signalId, w.weight, w.after, w.firingLeads])).toEqual([
			['webinar', 30, 60, 2],
			['demo', 30, 20, 2],
			['unused', 15, 15, 0]
		]);
		// Before: a 30 (off by 30), b 60 (20), c 30 (10): MAE 20. After: exact.
		expect(p.maeBefore).toBe(20);
		expect(p.maeAfter).toBe(0);
		expect(p.leads).toEqual([
			{ leadId: 'a', consensus: 60, before: 30, after: 60 },
			{ leadId: 'b', consensus: 80, before: 60, after: 80 },
			{ leadId: 'c', consensus: 20, before: 30, after: 20 }
		]);
	});

	it('pulls a weight toward its current value by the ridge (hand-computed)', () => {
		// One lead, one signal: w = (1*80 + 1*30) / (1 + 1) = 55.
		const p = fitSignalWeights([{ signalId: 's', name: 'S', weight: 30 }], [{ leadId: 'x', consensus: 80, features: { s: 1 } }], { ridge: 1 });
		expect(p.weights[0].after).toBe(55);
		expect(p.maeBefore).toBe(50);
		expect(p.maeAfter).toBe(25);
	});

	it('keeps weights within the playbook range and whole', () => {
		const p = fitSignalWeights([{ signalId: 's', name: 'S', weight: 10 }], [{ leadId: 'x', consensus: 100, features: { s: 0.25 } }], { ridge: 0 });
		expect(p.weights[0].after).toBe(100); // 400 would be needed; the range stops at 100
		const q = fitSignalWeights([{ signalId: 's', name: 'S', weight: 10 }], [{ leadId: 'x', consensus: 33, features: { s: 0.5 } }], { ridge: 0 });
		expect(q.weights[0].after).toBe(66);
	});

	it('has no error to show without rated leads', () => {
		const p = fitSignalWeights(signals, []);
		expect(p).toMatchObject({ maeBefore: null, maeAfter: null });
		expect(p.weights.map((w) => w.after)).toEqual([30, 30, 15]);
	});
});

describe('checkWeightsOnHistory', () => {
	it('ranks past won vs lost deals with the old and the new weights', () => {
		const deals: ClosedDealAccount[] = [
			{ won: true, features: { webinar: 1 } },
			{ won: true, features: { webinar: 1, demo: 1 } },
			{ won: false, features: { demo: 1 } },
			{ won: false, features: {} }
		];
		// Old (30/30): won 30, 60; lost 30, 0 → pairs 30=30 ½, 30>0, 60>30, 60>0 → 3.5/4.
		// New (60/20): won 60, 80; lost 20, 0 → 4/4.
		expect(checkWeightsOnHistory(deals, { webinar: 30, demo: 30 }, { webinar: 60, demo: 20 })).toEqual({ won: 2, lost: 2, aucBefore: 0.875, aucAfter: 1 });
		expect(checkWeightsOnHistory(deals.slice(0, 2), {}, {})).toMatchObject({ aucBefore: null, aucAfter: null });
	});
});
