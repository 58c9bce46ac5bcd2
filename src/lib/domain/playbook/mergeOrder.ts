/**
 * Three-way merge of section order. Sections both sides keep are ordered by whichever side
 * reordered them (or by a diff3 of the two orders when both did, if that is unambiguous);
 * sections only one side has are placed after the section they follow on that side.
 */
import { diff3 } from './diff3';

export type SharedOrder = { ok: true; slugs: string[] } | { ok: false; ours: string[]; theirs: string[] };

function sameList(a: string[], b: string[]): boolean {
	return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Order of the sections present in both `ours` and `theirs`, or the two orders when they disagree. */
export function mergeSharedOrder(base: string[], ours: string[], theirs: string[]): SharedOrder {
	const inTheirs = new Set(theirs);
	const inOurs = new Set(ours);
	const o = ours.filter((s) => inTheirs.has(s));
	const t = theirs.filter((s) => inOurs.has(s));
	if (sameList(o, t)) return { ok: true, slugs: o };
	const shared = new Set(o);
	const b = base.filter((s) => shared.has(s));
	const inBase = new Set(b);
	const oursMoved = !sameList(o.filter((s) => inBase.has(s)), b);
	const theirsMoved = !sameList(t.filter((s) => inBase.has(s)), b);
	if (!oursMoved) return { ok: true, slugs: t };
	if (!theirsMoved) return { ok: true, slugs: o };
	const merged = tryDiff3(o, b, t);
	return merged ? { ok: true, slugs: merged } : { ok: false, ours: o, theirs: t };
}

/** A diff3 of the two orders, accepted only if it is clean and keeps every section exactly once. */
function tryDiff3(ours: string[], base: string[], theirs: string[]): string[] | null {
	const regions = diff3(ours, base, theirs);
	if (regions.some((r) => 'conflict' in r)) return null;
	const result = regions.flatMap((r) => ('ok' in r ? r.ok : []));
	const expected = new Set(ours);
	return result.length === expected.size && new Set(result).size === result.length && result.every((s) => expected.has(s))
		? result
		: null;
}

/**
 * Full order: `shared` first, then each section only one side has, placed right after the section it
 * follows on that side (ours first, then theirs). Slugs not in `keep` are left out.
 */
export function placeOneSided(shared: string[], ours: string[], theirs: string[], keep: Set<string>): string[] {
	const result = shared.filter((s) => keep.has(s));
	for (const side of [ours, theirs]) {
		side.forEach((slug, i) => {
			if (!keep.has(slug) || result.includes(slug)) return;
			let at = 0;
			for (let j = i - 1; j >= 0; j--) {
				const k = result.indexOf(side[j]);
				if (k !== -1) {
					at = k + 1;
					break;
				}
			}
			result.splice(at, 0, slug);
		});
	}
	for (const slug of keep) if (!result.includes(slug)) result.push(slug);
	return result;
}
