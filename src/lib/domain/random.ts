/** A small, fast, seedable PRNG (sfc32) so the same seed always tells the same story. */
export interface Random {
	/** Uniform in [0, 1). */
	next(): number;
	/** Integer in [min, max], both inclusive. */
	int(min: number, max: number): number;
	/** Float in [min, max). */
	between(min: number, max: number): number;
	chance(probability: number): boolean;
	pick<T>(items: readonly T[]): T;
	/** Picks by relative weight: `weighted([['a', 3], ['b', 1]])` returns 'a' three times as often. */
	weighted<T>(entries: readonly (readonly [T, number])[]): T;
}

/**
 * Mixes a base seed with extra parts into a new 32-bit seed (FNV-1a over the parts, then a
 * murmur finalizer), so each account can own an independent stream that does not shift when
 * another account draws more or fewer numbers.
 */
export function deriveSeed(seed: number, ...parts: (number | string)[]): number {
	let h = 0x811c9dc5 ^ (seed >>> 0);
	for (const part of [seed, ...parts]) {
		const text = String(part);
		for (let i = 0; i < text.length; i++) {
			h ^= text.charCodeAt(i);
			h = Math.imul(h, 0x01000193);
		}
		h ^= 0x2f;
		h = Math.imul(h, 0x01000193);
	}
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return h >>> 0;
}

export function createRandom(seed: number): Random {
	let a = 0x9e3779b9;
	let b = 0x243f6a88;
	let c = 0xb7e15162;
	let d = seed >>> 0;
	const next = () => {
		a >>>= 0;
		b >>>= 0;
		c >>>= 0;
		d >>>= 0;
		let t = (a + b) | 0;
		a = b ^ (b >>> 9);
		b = (c + (c << 3)) | 0;
		c = (c << 21) | (c >>> 11);
		d = (d + 1) | 0;
		t = (t + d) | 0;
		c = (c + t) | 0;
		return (t >>> 0) / 4294967296;
	};
	for (let i = 0; i < 12; i++) next();

	const random: Random = {
		next,
		int: (min, max) => min + Math.floor(next() * (max - min + 1)),
		between: (min, max) => min + next() * (max - min),
		chance: (probability) => next() < probability,
		pick: (items) => items[Math.floor(next() * items.length)],
		weighted: (entries) => {
			const total = entries.reduce((sum, [, w]) => sum + w, 0);
			let r = next() * total;
			for (const [value, weight] of entries) {
				r -= weight;
				if (r < 0) return value;
			}
			return entries[entries.length - 1][0];
		}
	};
	return random;
}

/**
 * "This share of the time" without clumps: each named quota says yes on an evenly spaced
 * fraction of its calls (systematic sampling with a random phase). Used for the noise of the
 * planted patterns, so a 15% exception rate stays near 15% even among twenty churned accounts.
 */
export class Quotas {
	private readonly levels = new Map<string, number>();

	constructor(private readonly random: Random) {}

	take(name: string, rate: number): boolean {
		const level = (this.levels.get(name) ?? this.random.next()) + rate;
		this.levels.set(name, level >= 1 ? level - 1 : level);
		return level >= 1;
	}
}
