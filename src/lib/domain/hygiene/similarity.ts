/**
 * Name similarity, defined here so it runs the same everywhere and scales: the trigram similarity
 * PostgreSQL's pg_trgm uses. A name is lower-cased and split into words (runs of letters and
 * digits); each word is padded with two spaces in front and one behind, and cut into its
 * three-letter pieces. The similarity of two names is the share of pieces they have in common:
 * |A ∩ B| / |A ∪ B|. "Jon Smith" and "John Smith" are 0.62 alike; "Smith LLC" and "Smith Group" 0.38.
 */
export const NAME_SIMILARITY = 0.6;

/**
 * Company names share filler words ("Group", "and Sons", "LLC") that lift their similarity, so
 * accounts need more: 0.7 keeps "Reilly LLC" and "O'Reilly LLC" (0.85) but not "Hegmann Group"
 * and "Hermann Group" (0.65).
 */
export const ACCOUNT_NAME_SIMILARITY = 0.7;

export function trigramsOf(name: string): Set<string> {
	const set = new Set<string>();
	for (const word of name.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
		const padded = `  ${word} `;
		for (let i = 0; i + 3 <= padded.length; i++) set.add(padded.slice(i, i + 3));
	}
	return set;
}

export function nameSimilarity(a: string | Set<string>, b: string | Set<string>): number {
	const x = typeof a === 'string' ? trigramsOf(a) : a;
	const y = typeof b === 'string' ? trigramsOf(b) : b;
	if (x.size === 0 || y.size === 0) return 0;
	let shared = 0;
	for (const t of x) if (y.has(t)) shared++;
	return shared / (x.size + y.size - shared);
}
