/**
 * Remembers which row first had each key (an email, a domain, an external id) without keeping
 * the keys: each is reduced to a 64-bit hash in flat typed arrays, about 12 bytes per key, so a
 * million-row file needs a few megabytes instead of a few hundred. Two different keys share a
 * hash with odds around n²/2⁶⁵ (about 1 in 30 million for a million keys).
 */
export class SeenKeys {
	private hi: Int32Array;
	private lo: Int32Array;
	private rows: Int32Array;
	private count = 0;

	constructor(capacity = 1024) {
		const size = 1 << Math.ceil(Math.log2(Math.max(16, capacity * 2)));
		this.hi = new Int32Array(size);
		this.lo = new Int32Array(size);
		this.rows = new Int32Array(size);
	}

	get size(): number {
		return this.count;
	}

	/** The row that first had this key, or undefined. */
	firstRow(key: string): number | undefined {
		const [h, l] = hash(key);
		const mask = this.rows.length - 1;
		for (let i = (l ^ h) & mask; ; i = (i + 1) & mask) {
			if (this.rows[i] === 0) return undefined;
			if (this.hi[i] === h && this.lo[i] === l) return this.rows[i];
		}
	}

	/** Records `row` (>= 1) for the key unless an earlier row has it; returns that earlier row if so. */
	remember(key: string, row: number): number | undefined {
		if (row < 1) throw new RangeError('Rows are counted from 1.');
		const [h, l] = hash(key);
		const mask = this.rows.length - 1;
		let i = (l ^ h) & mask;
		for (; this.rows[i] !== 0; i = (i + 1) & mask) {
			if (this.hi[i] === h && this.lo[i] === l) return this.rows[i];
		}
		this.hi[i] = h;
		this.lo[i] = l;
		this.rows[i] = row;
		if (++this.count * 2 > this.rows.length) this.grow();
		return undefined;
	}

	private grow(): void {
		const { hi, lo, rows } = this;
		const size = rows.length * 2;
		this.hi = new Int32Array(size);
		this.lo = new Int32Array(size);
		this.rows = new Int32Array(size);
		const mask = size - 1;
		for (let j = 0; j < rows.length; j++) {
			if (rows[j] === 0) continue;
			let i = (lo[j] ^ hi[j]) & mask;
			while (this.rows[i] !== 0) i = (i + 1) & mask;
			this.hi[i] = hi[j];
			this.lo[i] = lo[j];
			this.rows[i] = rows[j];
		}
	}
}

/** Two independent 32-bit FNV-1a style hashes over UTF-16 code units, with murmur3's finalizer. */
function hash(key: string): [number, number] {
	let a = 0x811c9dc5 | 0;
	let b = 0x9747b28c | 0;
	for (let i = 0; i < key.length; i++) {
		const c = key.charCodeAt(i);
		a = Math.imul(a ^ c, 0x01000193);
		b = Math.imul(b ^ c, 0x5bd1e995);
		b ^= b >>> 15;
	}
	return [mix(a), mix(b ^ key.length)];
}

function mix(h: number): number {
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	return h ^ (h >>> 16);
}
