import type { PlaybookDocument } from './document';

export interface SearchHit {
	slug: string;
	title: string;
	/** Text around the first match, on one line. */
	snippet: string;
	/** How many times the words occur in the section (title matches count double). */
	score: number;
}

/**
 * Finds the sections that contain every word of the query (case-insensitive), best first.
 * The playbook is small (tens of sections), so this runs in memory on the snapshot.
 */
export function searchPlaybook(doc: PlaybookDocument, query: string, limit = 20): SearchHit[] {
	const words = query.toLowerCase().split(/\s+/).filter((w) => w.length > 1).slice(0, 8);
	if (words.length === 0) return [];
	const hits: SearchHit[] = [];
	for (const section of doc.sections) {
		const title = section.title.toLowerCase();
		const body = section.body.toLowerCase();
		if (!words.every((w) => title.includes(w) || body.includes(w))) continue;
		let score = 0;
		for (const w of words) score += 2 * occurrences(title, w) + occurrences(body, w);
		const at = Math.max(0, body.indexOf(words[0]));
		const start = Math.max(0, at - 60);
		const raw = section.body.slice(start, at + 100).replace(/\s+/g, ' ').trim();
		hits.push({ slug: section.slug, title: section.title, snippet: `${start > 0 ? '…' : ''}${raw}…`, score });
	}
	return hits.sort((a, b) => b.score - a.score).slice(0, limit);
}

function occurrences(text: string, word: string): number {
	let n = 0;
	for (let i = text.indexOf(word); i !== -1; i = text.indexOf(word, i + word.length)) n++;
	return n;
}
