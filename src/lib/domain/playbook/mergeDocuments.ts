/**
 * Three-way merge of playbook documents (base = common ancestor, ours, theirs): sections matched by
 * slug; titles, bodies (line by line with diff3) and order merged; every overlap becomes a Conflict
 * that `resolveConflicts` settles. Nothing one side wrote is dropped without a conflict.
 */
import { sectionsEqual, type PlaybookDocument, type PlaybookSection } from './document';
import { diff3, splitLines } from './diff3';
import { buildMerged } from './mergeBuild';
import { mergeSharedOrder } from './mergeOrder';
import type { Conflict, MergeLabels, MergePiece, MergePlan, MergeResult, PlannedSection } from './mergeTypes';
import { formatSectionText } from './sectionText';

export type { Conflict, ConflictChoice, MergeLabels, MergeResult } from './mergeTypes';
export { resolveConflicts } from './mergeBuild';

export interface MergeOptions {
	/** Words for the two sides in messages and markers, e.g. { ours: 'the playbook', theirs: 'this proposal' }. */
	labels?: Partial<MergeLabels>;
}

function capital(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "lines 4–5", "line 4", "the text after line 3", "the start" (1-based, in base). */
function where(baseIndex: number, baseLength: number): string {
	if (baseLength === 0) return baseIndex === 0 ? 'the start' : `the text after line ${baseIndex}`;
	return baseLength === 1 ? `line ${baseIndex + 1}` : `lines ${baseIndex + 1}–${baseIndex + baseLength}`;
}

class Merger {
	conflicts: Conflict[] = [];
	constructor(readonly labels: MergeLabels) {}

	title(slug: string, base: string | null, ours: string, theirs: string): MergePiece {
		if (ours === theirs || theirs === base) return { text: ours };
		if (ours === base) return { text: theirs };
		const id = `title:${slug}`;
		const { ours: lo, theirs: lt } = this.labels;
		const message =
			base === null
				? `${capital(lo)} and ${lt} both added section '${slug}', titled '${ours}' and '${theirs}'.`
				: `${capital(lo)} renamed section '${base}' to '${ours}', ${lt} to '${theirs}'.`;
		this.conflicts.push({ id, kind: 'title', slug, message, base, ours, theirs });
		return { conflict: id };
	}

	body(slug: string, title: string, base: string, ours: string, theirs: string, bothAdded: boolean): MergePiece[] {
		if (ours === theirs || theirs === base) return [{ text: ours }];
		if (ours === base) return [{ text: theirs }];
		const pieces: MergePiece[] = [];
		let n = 0;
		for (const region of diff3(splitLines(ours), splitLines(base), splitLines(theirs))) {
			if ('ok' in region) {
				const last = pieces[pieces.length - 1];
				const text = region.ok.join('');
				if (last && 'text' in last) last.text += text;
				else pieces.push({ text });
				continue;
			}
			const c = region.conflict;
			const id = `body:${slug}:${n++}`;
			const { ours: lo, theirs: lt } = this.labels;
			const message = bothAdded
				? `${capital(lo)} and ${lt} both added section '${title}' with different text.`
				: `${capital(lo)} and ${lt} both changed ${where(c.baseIndex, c.base.length)} of '${title}'.`;
			this.conflicts.push({ id, kind: 'body', slug, message, base: c.base.join(''), ours: c.ours.join(''), theirs: c.theirs.join('') });
			pieces.push({ conflict: id });
		}
		return pieces;
	}

	section(base: PlaybookSection | undefined, ours: PlaybookSection | undefined, theirs: PlaybookSection | undefined): PlannedSection | null {
		const slug = (ours ?? theirs ?? base)!.slug;
		if (ours && theirs) {
			const bothAdded = !base;
			return {
				slug,
				title: this.title(slug, base?.title ?? null, ours.title, theirs.title),
				body: this.body(slug, ours.title, base?.body ?? '', ours.body, theirs.body, bothAdded)
			};
		}
		const kept = ours ?? theirs;
		if (!kept) return null; // deleted on both sides
		if (!base) return { slug, title: { text: kept.title }, body: [{ text: kept.body }] }; // added on one side
		if (sectionsEqual(base, kept)) return null; // deleted on one side, untouched on the other
		const id = `section:${slug}`;
		const [editor, deleter] = ours ? [this.labels.ours, this.labels.theirs] : [this.labels.theirs, this.labels.ours];
		this.conflicts.push({
			id,
			kind: 'section',
			slug,
			message: `${capital(editor)} changed section '${kept.title}', but ${deleter} deleted it.`,
			base: formatSectionText(base),
			ours: ours ? formatSectionText(ours) : null,
			theirs: theirs ? formatSectionText(theirs) : null
		});
		return { slug, conflict: id };
	}
}

export function mergeDocuments(
	base: PlaybookDocument,
	ours: PlaybookDocument,
	theirs: PlaybookDocument,
	options: MergeOptions = {}
): MergeResult {
	const labels: MergeLabels = { ours: options.labels?.ours ?? 'ours', theirs: options.labels?.theirs ?? 'theirs' };
	const bySlug = (doc: PlaybookDocument) => new Map(doc.sections.map((s) => [s.slug, s]));
	const [b, o, t] = [bySlug(base), bySlug(ours), bySlug(theirs)];
	const merger = new Merger(labels);
	const planned: PlannedSection[] = [];
	const slugs = new Set([...o.keys(), ...t.keys(), ...b.keys()]);
	for (const slug of slugs) {
		const entry = merger.section(b.get(slug), o.get(slug), t.get(slug));
		if (entry) planned.push(entry);
	}
	const kept = new Set(planned.map((p) => p.slug));
	const oursOrder = [...o.keys()].filter((s) => kept.has(s));
	const theirsOrder = [...t.keys()].filter((s) => kept.has(s));
	const shared = mergeSharedOrder([...b.keys()], oursOrder, theirsOrder);
	let order: MergePlan['order'];
	if (shared.ok) order = { slugs: shared.slugs };
	else {
		order = { conflict: 'order' };
		merger.conflicts.push({
			id: 'order',
			kind: 'order',
			slug: null,
			message: `${capital(labels.ours)} and ${labels.theirs} both reordered the sections, differently.`,
			base: [...b.keys()].filter((s) => shared.ours.includes(s)).join('\n'),
			ours: shared.ours.join('\n'),
			theirs: shared.theirs.join('\n')
		});
	}
	const plan: MergePlan = { sections: planned, order, oursOrder, theirsOrder };
	return { merged: buildMerged(plan, merger.conflicts, labels), conflicts: merger.conflicts, plan, labels };
}
