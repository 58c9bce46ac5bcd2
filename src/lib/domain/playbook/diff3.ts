/**
 * node-diff3 with its items interned to numbers first: node-diff3 indexes items in a plain object,
 * so a line reading "constructor" or "__proto__" would otherwise break it.
 */
import { diff3Merge } from 'node-diff3';

export type Diff3Region<T> =
	| { ok: T[] }
	| { conflict: { ours: T[]; base: T[]; theirs: T[]; baseIndex: number } };

export function diff3<T>(ours: T[], base: T[], theirs: T[]): Diff3Region<T>[] {
	const ids = new Map<T, number>();
	const items: T[] = [];
	const intern = (list: T[]) =>
		list.map((item) => {
			let id = ids.get(item);
			if (id === undefined) {
				id = items.length;
				ids.set(item, id);
				items.push(item);
			}
			return id;
		});
	const back = (list: number[]) => list.map((id) => items[id]);
	return diff3Merge(intern(ours), intern(base), intern(theirs), { excludeFalseConflicts: true }).map((region) =>
		region.conflict
			? { conflict: { ours: back(region.conflict.a), base: back(region.conflict.o), theirs: back(region.conflict.b), baseIndex: region.conflict.oIndex } }
			: { ok: back(region.ok ?? []) }
	);
}

/** "a\nb" -> ["a\n", "b"]: lines keep their line breaks, so joining gives the text back exactly. */
export function splitLines(text: string): string[] {
	return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}
