/** Edit distance (insert, delete, substitute, swap two neighbours), for "did you mean" hints. */
export function editDistance(a: string, b: string): number {
	const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
	for (let j = 1; j <= b.length; j++) d[0][j] = j;
	for (let i = 1; i <= a.length; i++) {
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
				d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
			}
		}
	}
	return d[a.length][b.length];
}

/**
 * The known name a misspelt one most likely meant: a name that contains the word (or is contained
 * in it) wins, then the smallest edit distance; ties keep the list's order.
 */
export function closestName(word: string, names: readonly string[]): string {
	const w = word.toLowerCase();
	const containing = names.filter((n) => n.includes(w) || (w.includes(n) && n.length >= 3));
	const pool = containing.length > 0 ? containing : names;
	let best = pool[0];
	let bestScore = Infinity;
	for (const name of pool) {
		const score = editDistance(w, name);
		if (score < bestScore) {
			best = name;
			bestScore = score;
		}
	}
	return best;
}
