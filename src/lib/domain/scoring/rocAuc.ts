/**
 * Area under the ROC curve: the chance that a random positive case (a won deal's account) scores
 * higher than a random negative one (a lost deal's), counting ties as half. Computed from ranks
 * (the Mann-Whitney U statistic with mid-ranks for ties), so it is O(n log n).
 */
export function rocAuc(positives: readonly number[], negatives: readonly number[]): number | null {
	if (positives.length === 0 || negatives.length === 0) return null;
	const all = [...positives.map((score) => ({ score, positive: true })), ...negatives.map((score) => ({ score, positive: false }))].sort(
		(a, b) => a.score - b.score
	);
	let positiveRanks = 0;
	for (let i = 0; i < all.length; ) {
		let j = i;
		while (j < all.length && all[j].score === all[i].score) j++;
		const midRank = (i + 1 + j) / 2; // ranks i+1 .. j share their mean
		for (let k = i; k < j; k++) if (all[k].positive) positiveRanks += midRank;
		i = j;
	}
	const p = positives.length;
	const u = positiveRanks - (p * (p + 1)) / 2;
	return u / (p * negatives.length);
}
