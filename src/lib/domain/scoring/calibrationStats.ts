/**
 * The figures of a lead qualification calibration, from revealed 0-100 ratings: per lead the
 * spread, mean and median and who should speak first; across the set the agreement between
 * raters (Krippendorff's alpha, interval), between departments, and each rater's bias.
 */
import { max, mean, median, min, sampleCorrelation, sampleStandardDeviation } from 'simple-statistics';
import { krippendorffAlphaInterval, type AlphaResult } from './krippendorffAlpha';

export interface Rating {
	raterId: string;
	department: string;
	value: number;
}

export interface RatedLead {
	leadId: string;
	ratings: Rating[];
}

export interface LeadRatingStats {
	count: number;
	mean: number;
	median: number;
	min: number;
	max: number;
	/** Sample standard deviation (n - 1); null with fewer than two ratings. */
	sd: number | null;
	/** The raters at the top and bottom, who explain their view first; empty when everyone agrees. */
	highestRaterIds: string[];
	lowestRaterIds: string[];
}

/** Null without ratings. */
export function summarizeLeadRatings(ratings: readonly Rating[]): LeadRatingStats | null {
	if (ratings.length === 0) return null;
	const values = ratings.map((r) => r.value);
	const lo = min(values);
	const hi = max(values);
	const apart = hi > lo;
	return {
		count: values.length,
		mean: mean(values),
		median: median(values),
		min: lo,
		max: hi,
		sd: values.length >= 2 ? sampleStandardDeviation(values) : null,
		highestRaterIds: apart ? ratings.filter((r) => r.value === hi).map((r) => r.raterId) : [],
		lowestRaterIds: apart ? ratings.filter((r) => r.value === lo).map((r) => r.raterId) : []
	};
}

/** Agreement between raters over the whole set: each lead a unit, each rater a coder. */
export function measureRaterAgreement(leads: readonly RatedLead[]): AlphaResult {
	return krippendorffAlphaInterval(leads.map((lead) => lead.ratings.map((r) => r.value)));
}

export interface DepartmentPair {
	/** Departments in alphabetical order; differences are a minus b. */
	a: string;
	b: string;
	/** Leads both departments rated. */
	leads: number;
	/** Mean over those leads of (a's mean rating - b's mean rating). */
	meanDifference: number;
	/** Pearson correlation of the two departments' mean ratings; null with fewer than 3 leads or no variation. */
	correlation: number | null;
}

/** How far each department's rating of a lead is the average of its raters'. */
function departmentMeans(lead: RatedLead): Map<string, number> {
	const byDept = new Map<string, number[]>();
	for (const r of lead.ratings) byDept.set(r.department, [...(byDept.get(r.department) ?? []), r.value]);
	return new Map([...byDept].map(([d, values]) => [d, mean(values)]));
}

/** Every pair of departments that rated at least one lead in common. */
export function compareDepartments(leads: readonly RatedLead[]): DepartmentPair[] {
	const perLead = leads.map(departmentMeans);
	const departments = [...new Set(perLead.flatMap((m) => [...m.keys()]))].sort();
	const pairs: DepartmentPair[] = [];
	for (let i = 0; i < departments.length; i++) {
		for (let j = i + 1; j < departments.length; j++) {
			const [a, b] = [departments[i], departments[j]];
			const both = perLead.filter((m) => m.has(a) && m.has(b));
			if (both.length === 0) continue;
			const xs = both.map((m) => m.get(a)!);
			const ys = both.map((m) => m.get(b)!);
			pairs.push({ a, b, leads: both.length, meanDifference: mean(xs.map((x, k) => x - ys[k])), correlation: correlate(xs, ys) });
		}
	}
	return pairs;
}

function correlate(xs: number[], ys: number[]): number | null {
	if (xs.length < 3) return null;
	if (new Set(xs).size < 2 || new Set(ys).size < 2) return null;
	return sampleCorrelation(xs, ys);
}

export interface RaterBias {
	raterId: string;
	department: string;
	leads: number;
	/** Mean over the leads they rated of (their rating - the lead's mean rating): + rates high, - rates low. */
	bias: number;
}

/** Each rater against the team, most generous first. */
export function measureRaterBias(leads: readonly RatedLead[]): RaterBias[] {
	const gaps = new Map<string, { department: string; gaps: number[] }>();
	for (const lead of leads) {
		if (lead.ratings.length === 0) continue;
		const teamMean = mean(lead.ratings.map((r) => r.value));
		for (const r of lead.ratings) {
			const entry = gaps.get(r.raterId) ?? { department: r.department, gaps: [] };
			entry.gaps.push(r.value - teamMean);
			gaps.set(r.raterId, entry);
		}
	}
	return [...gaps]
		.map(([raterId, e]) => ({ raterId, department: e.department, leads: e.gaps.length, bias: mean(e.gaps) }))
		.sort((x, y) => y.bias - x.bias || x.raterId.localeCompare(y.raterId));
}
