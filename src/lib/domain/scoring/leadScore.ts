/**
 * A lead's score: the sum of the weights of the signals firing for it, each weight halved for
 * every half-life (the signal's `decay`) since its latest evidence, clamped to 0..100. The parts
 * are kept so the account page can say which signal contributed what.
 */
export const SCORE_MIN = 0;
export const SCORE_MAX = 100;

export interface FiringSignal {
	signalId: string;
	name: string;
	weight: number;
	/** Half-life in ms; null when the weight does not fade. */
	decayMs: number | null;
	/** When the latest activity behind the hit happened (null when the rule reads no activities). */
	evidenceAt: Date | null;
	firstFiredAt: Date;
}

export interface ScoreContribution {
	signalId: string;
	name: string;
	weight: number;
	/** What it adds after decay, rounded to one decimal. */
	points: number;
	/** Age of the evidence in whole days, when the weight decays. */
	ageDays: number | null;
}

export interface LeadScore {
	score: number;
	/** The sum before clamping, so "120, shown as 100" can be explained. */
	raw: number;
	contributions: ScoreContribution[];
}

const DAY_MS = 86_400_000;

/** Scores one account from the signals firing for it now. */
export function scoreLead(firing: FiringSignal[], now: Date): LeadScore {
	const contributions = firing
		.filter((f) => f.weight !== 0)
		.map((f) => {
			const since = f.evidenceAt ?? f.firstFiredAt;
			const age = Math.max(0, now.getTime() - since.getTime());
			const factor = f.decayMs === null ? 1 : Math.pow(0.5, age / f.decayMs);
			return {
				signalId: f.signalId,
				name: f.name,
				weight: f.weight,
				points: Math.round(f.weight * factor * 10) / 10,
				ageDays: f.decayMs === null ? null : Math.floor(age / DAY_MS)
			};
		})
		.sort((a, b) => Math.abs(b.points) - Math.abs(a.points) || a.signalId.localeCompare(b.signalId));
	const raw = Math.round(contributions.reduce((sum, c) => sum + c.points, 0) * 10) / 10;
	return { score: Math.round(Math.min(SCORE_MAX, Math.max(SCORE_MIN, raw))), raw, contributions };
}
