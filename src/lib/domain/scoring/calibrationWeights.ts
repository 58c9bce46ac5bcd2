/**
 * From a calibration's consensus scores, signal weights that make the lead score agree better:
 * ridge least squares by coordinate descent, pulled toward the current weights (a signal that fires
 * on few rated leads moves little, one that fires on none keeps its weight), kept within the
 * playbook's weight range and rounded to whole numbers. Then the old and new weights are compared
 * on the rated leads (mean absolute error) and on history (ROC AUC of won vs lost deals).
 */
import { WEIGHT_MAX, WEIGHT_MIN } from '../playbook/signalSchema';
import { SCORE_MAX, SCORE_MIN } from './leadScore';
import { rocAuc } from './rocAuc';

/** Signal id -> how much of its weight counts for this lead now (1, or less after decay). */
export type SignalFeatures = Readonly<Record<string, number>>;

export interface WeightedSignal {
	signalId: string;
	name: string;
	weight: number;
}

export interface ConsensusLead {
	leadId: string;
	/** The team's agreed score, 0-100. */
	consensus: number;
	features: SignalFeatures;
}

export interface WeightChange extends WeightedSignal {
	after: number;
	/** Rated leads it fires on. */
	firingLeads: number;
}

export interface WeightsProposal {
	weights: WeightChange[];
	leads: { leadId: string; consensus: number; before: number; after: number }[];
	maeBefore: number | null;
	maeAfter: number | null;
}

/** The lead score formula of scoreLead: the weighted sum of what fires, kept within 0-100. */
export function modelScore(weights: Readonly<Record<string, number>>, features: SignalFeatures): number {
	let sum = 0;
	for (const [id, share] of Object.entries(features)) sum += (weights[id] ?? 0) * share;
	return Math.round(Math.min(SCORE_MAX, Math.max(SCORE_MIN, sum)));
}

export function meanAbsoluteError(pairs: readonly { target: number; predicted: number }[]): number | null {
	if (pairs.length === 0) return null;
	return pairs.reduce((sum, p) => sum + Math.abs(p.target - p.predicted), 0) / pairs.length;
}

export interface FitOptions {
	/** How strongly weights stay near the current ones (in squared points per unit of weight). */
	ridge?: number;
	sweeps?: number;
}

/**
 * Minimizes sum_i (consensus_i - sum_j w_j x_ij)^2 + ridge * sum_j (w_j - current_j)^2 over the
 * weights, one weight at a time (each step is exact: w_j = (sum_i x_ij r_ij + ridge * current_j) /
 * (sum_i x_ij^2 + ridge), with r_ij the residual without j), clamped to the weight range.
 */
export function fitSignalWeights(signals: readonly WeightedSignal[], leads: readonly ConsensusLead[], options: FitOptions = {}): WeightsProposal {
	const ridge = options.ridge ?? 1;
	const sweeps = options.sweeps ?? 200;
	const ids = signals.map((s) => s.signalId);
	const w = new Map(signals.map((s) => [s.signalId, s.weight]));
	const x = (lead: ConsensusLead, id: string) => lead.features[id] ?? 0;
	const predictions = leads.map((lead) => ids.reduce((sum, id) => sum + w.get(id)! * x(lead, id), 0));
	for (let sweep = 0; sweep < sweeps; sweep++) {
		let moved = 0;
		for (const s of signals) {
			const id = s.signalId;
			let numerator = ridge * s.weight;
			let denominator = ridge;
			leads.forEach((lead, i) => {
				const xi = x(lead, id);
				if (xi === 0) return;
				numerator += xi * (lead.consensus - (predictions[i] - w.get(id)! * xi));
				denominator += xi * xi;
			});
			if (denominator === 0) continue;
			const next = Math.min(WEIGHT_MAX, Math.max(WEIGHT_MIN, numerator / denominator));
			const delta = next - w.get(id)!;
			if (delta === 0) continue;
			leads.forEach((lead, i) => (predictions[i] += delta * x(lead, id)));
			w.set(id, next);
			moved = Math.max(moved, Math.abs(delta));
		}
		if (moved < 1e-9) break;
	}
	const before = Object.fromEntries(signals.map((s) => [s.signalId, s.weight]));
	const after = Object.fromEntries(signals.map((s) => [s.signalId, Math.round(w.get(s.signalId)!)]));
	const scored = leads.map((lead) => ({
		leadId: lead.leadId,
		consensus: lead.consensus,
		before: modelScore(before, lead.features),
		after: modelScore(after, lead.features)
	}));
	return {
		weights: signals.map((s) => ({ ...s, after: after[s.signalId], firingLeads: leads.filter((l) => x(l, s.signalId) > 0).length })),
		leads: scored,
		maeBefore: meanAbsoluteError(scored.map((l) => ({ target: l.consensus, predicted: l.before }))),
		maeAfter: meanAbsoluteError(scored.map((l) => ({ target: l.consensus, predicted: l.after })))
	};
}

export interface ClosedDealAccount {
	won: boolean;
	/** What fired on the account when the deal closed. */
	features: SignalFeatures;
}

export interface HistoryCheck {
	won: number;
	lost: number;
	/** How well each set of weights ranks won above lost deals (0.5 = chance); null without both. */
	aucBefore: number | null;
	aucAfter: number | null;
}

export function checkWeightsOnHistory(
	deals: readonly ClosedDealAccount[],
	before: Readonly<Record<string, number>>,
	after: Readonly<Record<string, number>>
): HistoryCheck {
	const split = (weights: Readonly<Record<string, number>>) => {
		const won = deals.filter((d) => d.won).map((d) => modelScore(weights, d.features));
		const lost = deals.filter((d) => !d.won).map((d) => modelScore(weights, d.features));
		return rocAuc(won, lost);
	};
	const won = deals.filter((d) => d.won).length;
	return { won, lost: deals.length - won, aucBefore: split(before), aucAfter: split(after) };
}
