import { nameSimilarity, trigramsOf, NAME_SIMILARITY } from './similarity';

export interface DedupRecord {
	id: string;
	name: string;
	/** Records with the same key are duplicates outright (a normalized email or domain); null: none. */
	key: string | null;
	/** Names are only compared within a group (a contact's account); null compares with everyone. */
	group?: string | null;
}

export interface CandidatePair {
	a: string;
	b: string;
	reason: 'key' | 'name';
	/** 1 for a key match; the names' similarity otherwise. */
	similarity: number;
}

/**
 * Duplicate candidates among `records`: records sharing a key (each paired with the first of its
 * key, which is all a merge needs), and records whose names are at least `threshold` alike
 * within their group. `involved` counts the records in any pair.
 *
 * The name pairs are found with prefix filtering (the "all pairs" set-similarity join): if two
 * trigram sets are at least t alike, each set's |x| - ceil(t·|x|) + 1 rarest trigrams share at
 * least one, so only records sharing one of those are compared. Exact, and fast on tens of
 * thousands of names, where comparing every pair would not be.
 */
export function findDuplicateCandidates(records: readonly DedupRecord[], threshold = NAME_SIMILARITY): { pairs: CandidatePair[]; involved: number } {
	const pairs: CandidatePair[] = [];
	const firstOfKey = new Map<string, string>();
	for (const r of records) {
		if (!r.key) continue;
		const first = firstOfKey.get(r.key);
		if (first === undefined) firstOfKey.set(r.key, r.id);
		else {
			pairs.push({ a: first, b: r.id, reason: 'key', similarity: 1 });
		}
	}

	const sets = records.map((r) => trigramsOf(r.name));
	// Tokens carry the group, so only records of one group ever meet in the index.
	const tokens = records.map((r, i) => [...sets[i]].map((t) => `${r.group ?? ''}\u0000${t}`));
	const frequency = new Map<string, number>();
	for (const list of tokens) for (const t of list) frequency.set(t, (frequency.get(t) ?? 0) + 1);
	const order = records.map((_, i) => i).sort((i, j) => sets[i].size - sets[j].size);
	const index = new Map<string, number[]>();
	for (const i of order) {
		const size = sets[i].size;
		if (size === 0) continue;
		const rare = tokens[i].sort((x, y) => frequency.get(x)! - frequency.get(y)! || (x < y ? -1 : 1));
		const prefix = rare.slice(0, size - Math.ceil(threshold * size - 1e-9) + 1);
		const seen = new Set<number>();
		for (const t of prefix) {
			for (const j of index.get(t) ?? []) {
				if (seen.has(j)) continue;
				seen.add(j);
				const [x, y] = [records[i], records[j]];
				if (sets[j].size < threshold * size - 1e-9) continue;
				if (x.key && x.key === y.key) continue;
				const similarity = nameSimilarity(sets[i], sets[j]);
				if (similarity >= threshold - 1e-9) {
					const [a, b] = x.id < y.id ? [x.id, y.id] : [y.id, x.id];
					pairs.push({ a, b, reason: 'name', similarity });
				}
			}
			(index.get(t) ?? index.set(t, []).get(t)!).push(i);
		}
	}
	const ids = new Set(pairs.flatMap((p) => [p.a, p.b]));
	pairs.sort((p, q) => (p.reason === q.reason ? q.similarity - p.similarity || (p.a < q.a ? -1 : p.a > q.a ? 1 : p.b < q.b ? -1 : 1) : p.reason === 'key' ? -1 : 1));
	return { pairs, involved: ids.size };
}
