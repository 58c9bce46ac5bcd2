import { trigramsOf, NAME_SIMILARITY } from './similarity';

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

/** Groups this small are compared pair by pair; larger ones go through the prefix-filtered join. */
const SMALL_GROUP = 48;

/**
 * Duplicate candidates among `records`: records sharing a key (each paired with the first of its
 * key, which is all a merge needs), and records whose names are at least `threshold` alike
 * (nameSimilarity) within their group. `involved` counts the records in any pair.
 *
 * Large groups use prefix filtering (the "all pairs" set-similarity join): with trigrams ordered
 * rarest first, two sets at least t alike share one of each set's first |x| - ceil(t·|x|) + 1
 * trigrams, so only records sharing one of those are compared. Exact, and fast on tens of
 * thousands of names, where comparing every pair would not be.
 */
export function findDuplicateCandidates(records: readonly DedupRecord[], threshold = NAME_SIMILARITY): { pairs: CandidatePair[]; involved: number } {
	const pairs: CandidatePair[] = [];
	const firstOfKey = new Map<string, string>();
	for (const r of records) {
		if (!r.key) continue;
		const first = firstOfKey.get(r.key);
		if (first === undefined) firstOfKey.set(r.key, r.id);
		else pairs.push({ a: first, b: r.id, reason: 'key', similarity: 1 });
	}

	// Trigrams as small integers, each record's sorted rarest first (ties by id): one total order.
	const dictionary = new Map<string, number>();
	const raw = records.map((r) => [...trigramsOf(r.name)].map((t) => dictionary.get(t) ?? dictionary.set(t, dictionary.size).get(t)!));
	const frequency = new Int32Array(dictionary.size);
	for (const list of raw) for (const t of list) frequency[t]++;
	const tokens = raw.map((list) => Int32Array.from(list).sort((x, y) => frequency[x] - frequency[y] || x - y));
	const before = (x: number, y: number) => frequency[x] < frequency[y] || (frequency[x] === frequency[y] && x < y);
	const similarity = (i: number, j: number) => {
		const [x, y] = [tokens[i], tokens[j]];
		let shared = 0;
		for (let p = 0, q = 0; p < x.length && q < y.length; ) {
			if (x[p] === y[q]) (shared++, p++, q++);
			else if (before(x[p], y[q])) p++;
			else q++;
		}
		return x.length && y.length ? shared / (x.length + y.length - shared) : 0;
	};
	const consider = (i: number, j: number) => {
		const [x, y] = [records[i], records[j]];
		if (x.key && x.key === y.key) return;
		const s = similarity(i, j);
		if (s >= threshold - 1e-9) pairs.push(x.id < y.id ? { a: x.id, b: y.id, reason: 'name', similarity: s } : { a: y.id, b: x.id, reason: 'name', similarity: s });
	};

	const groups = new Map<string, number[]>();
	records.forEach((r, i) => {
		const g = r.group ?? '';
		(groups.get(g) ?? groups.set(g, []).get(g)!).push(i);
	});
	for (const members of groups.values()) {
		if (members.length <= SMALL_GROUP) {
			for (let p = 0; p < members.length; p++) for (let q = p + 1; q < members.length; q++) consider(members[p], members[q]);
			continue;
		}
		const order = [...members].sort((i, j) => tokens[i].length - tokens[j].length);
		const index = new Map<number, number[]>();
		for (const i of order) {
			const size = tokens[i].length;
			if (size === 0) continue;
			const prefix = size - Math.ceil(threshold * size - 1e-9) + 1;
			// Records come smallest first, so indexing a shorter prefix is enough (Bayardo et al.).
			const indexed = size - Math.ceil(((2 * threshold) / (1 + threshold)) * size - 1e-9) + 1;
			const seen = new Set<number>();
			for (let p = 0; p < prefix; p++) {
				const t = tokens[i][p];
				const list = index.get(t);
				if (list)
					for (const j of list) {
						if (seen.has(j)) continue;
						seen.add(j);
						if (tokens[j].length >= threshold * size - 1e-9) consider(i, j);
					}
				if (p < indexed) (list ?? index.set(t, []).get(t)!).push(i);
			}
		}
	}
	const ids = new Set(pairs.flatMap((p) => [p.a, p.b]));
	pairs.sort((p, q) => (p.reason === q.reason ? q.similarity - p.similarity || (p.a < q.a ? -1 : p.a > q.a ? 1 : p.b < q.b ? -1 : 1) : p.reason === 'key' ? -1 : 1));
	return { pairs, involved: ids.size };
}
