/**
 * Interval algebra for the evaluator. Time is integer milliseconds since the epoch; a segment is
 * the half-open range [from, to) in which a rule holds, with the activities that explain it.
 * Lists of segments are sorted and never overlap.
 */

/** An activity behind a segment: its id and time (ms since the epoch). */
export interface EvidenceEvent {
	id: number;
	at: number;
}

/** The activities behind a segment, computed only when an occurrence needs them. */
export type Evidence = () => EvidenceEvent[];

export interface Segment {
	from: number;
	to: number;
	evidence: Evidence;
}

export const NO_EVIDENCE: Evidence = () => [];

function unionEvidence(parts: Evidence[]): Evidence {
	const real = parts.filter((e) => e !== NO_EVIDENCE);
	if (real.length === 0) return NO_EVIDENCE;
	if (real.length === 1) return real[0];
	return () => real.flatMap((e) => e());
}

/**
 * Intersection ('all') or union ('any') of several segment lists. Each resulting piece carries
 * the evidence of every input segment that covers it.
 */
export function combine(lists: Segment[][], mode: 'all' | 'any'): Segment[] {
	if (mode === 'all' && lists.some((l) => l.length === 0)) return [];
	const bounds = [...new Set(lists.flatMap((l) => l.flatMap((s) => [s.from, s.to])))].sort((a, b) => a - b);
	const next = lists.map(() => 0);
	const out: Segment[] = [];
	for (let i = 0; i + 1 < bounds.length; i++) {
		const at = bounds[i];
		const active: Evidence[] = [];
		lists.forEach((list, k) => {
			while (next[k] < list.length && list[next[k]].to <= at) next[k]++;
			const s = list[next[k]];
			if (s !== undefined && s.from <= at) active.push(s.evidence);
		});
		const holds = mode === 'all' ? active.length === lists.length : active.length > 0;
		if (holds) out.push({ from: at, to: bounds[i + 1], evidence: unionEvidence(active) });
	}
	return out;
}

/** Where the list does not hold, within [from, to). Carries no evidence. */
export function complement(list: Segment[], from: number, to: number): Segment[] {
	const out: Segment[] = [];
	let cursor = from;
	for (const s of list) {
		if (s.from > cursor) out.push({ from: cursor, to: Math.min(s.from, to), evidence: NO_EVIDENCE });
		cursor = Math.max(cursor, s.to);
		if (cursor >= to) break;
	}
	if (cursor < to) out.push({ from: cursor, to, evidence: NO_EVIDENCE });
	return out.filter((s) => s.from < s.to);
}

/** Keeps the part of each segment inside [from, to). */
export function clip(list: Segment[], from: number, to: number): Segment[] {
	return list
		.map((s) => ({ from: Math.max(s.from, from), to: Math.min(s.to, to), evidence: s.evidence }))
		.filter((s) => s.from < s.to);
}

/**
 * Maximal runs of holding: touching segments join. A run's evidence is the evidence at its start
 * (the first segment's), which is what made the rule start to hold.
 */
export function runs(list: Segment[]): Segment[] {
	const out: Segment[] = [];
	for (const s of list) {
		const last = out.at(-1);
		if (last !== undefined && last.to === s.from) last.to = s.to;
		else out.push({ ...s });
	}
	return out;
}
