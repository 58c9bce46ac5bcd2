/** Seeded generated documents for property-style tests (used by tests only). */
import type { PlaybookDocument } from './document';
import { createRandom } from '../random';

/** The project's seeded generator, with `int(n)` in [0, n) as these generators use it. */
export function random(seed: number) {
	const r = createRandom(seed);
	return { next: () => r.next(), int: (n: number) => r.int(0, n - 1), pick: <T>(items: readonly T[]): T => r.pick(items) };
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
