/** Seeded generated documents for property-style tests (used by tests only). */
import type { PlaybookDocument } from './document';

/** Small seeded generator (mulberry32), so a failing case can be replayed from its seed. */
export function random(seed: number) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (n: number) => Math.floor(next() * n);
	const pick = <T>(items: readonly T[]): T => items[int(items.length)];
	return { next, int, pick };
}

const PIECES = [
	'Plain text.',
	'# Not a title, inside the body',
	'## Sub heading',
	'```\n# hash inside code\n```',
	'```signal\nid: x-y\nname: N\n```',
	'````md\n```signal\n```\n````',
	'~~~\n~~~',
	'Ünïcödé — 日本語 — emoji 🎉 — rtl שלום',
	'',
	'   ',
	'\t\tindented',
	'- list\n- items',
	'> quote',
	'trailing spaces   ',
	'CRLF line\r',
	'\\# escaped',
	'---',
	'<b>html</b> & entities &amp;'
];

export function generateDocument(seed: number): PlaybookDocument {
	const r = random(seed);
	const count = 1 + r.int(12);
	const used = new Set<string>();
	const sections = [];
	for (let i = 0; i < count; i++) {
		let slug = Array.from({ length: 1 + r.int(3) }, () => r.pick(['a', 'pricing', 'churn', 'x1', '2024', 'up-sell'])).join('-');
		while (used.has(slug)) slug += `-${r.int(100)}`;
		used.add(slug);
		const title = r.pick(['Buying signals', 'Churn # risk', 'Café ☕ notes', '#1 rule', 'Tips #', 'A: B / C', 'x']);
		const lines = Array.from({ length: r.int(8) }, () => r.pick(PIECES));
		const lead = r.pick(['', '\n', '\n\n', '\r\n']);
		const tail = r.pick(['', '\n', '\n\n', '\n\n\n', '\r\n']);
		sections.push({ slug, title, body: lines.length ? lead + lines.join('\n') + tail : lead + tail });
	}
	return { sections };
}
