/**
 * Compares two playbook documents section by section (matched by slug) for "what changed since
 * you last read" and for reviewing proposals: added, removed, renamed, moved and edited sections
 * with line hunks, plus signal changes in words.
 */
import { diffArrays, structuredPatch } from 'diff';
import type { PlaybookDocument, PlaybookSection } from './document';
import { diffSignals, type SignalChange } from './signalChanges';

export type { SignalChange } from './signalChanges';

export interface DiffLine {
	kind: 'context' | 'added' | 'removed';
	/** The line without its line break. */
	text: string;
	/** 1-based line number in the old body (null for added lines). */
	oldLine: number | null;
	/** 1-based line number in the new body (null for removed lines). */
	newLine: number | null;
	/** True on the last line of a body that does not end with a line break. */
	noNewlineAtEnd?: boolean;
}

export interface DiffHunk {
	oldStart: number;
	oldLines: number;
	newStart: number;
	newLines: number;
	lines: DiffLine[];
}

export interface SectionDiff {
	slug: string;
	change: 'added' | 'removed' | 'changed' | 'unchanged';
	/** Title after the change (before it, for a removed section). */
	title: string;
	/** The old title when the section was renamed, else null. */
	previousTitle: string | null;
	/** 1-based positions when the section moved relative to the others, else null. */
	moved: { from: number; to: number } | null;
	bodyChanged: boolean;
	added: number;
	removed: number;
	hunks: DiffHunk[];
	signalChanges: SignalChange[];
}

export interface DocumentDiff {
	/** Sections in reading order of the new document, removed ones where they used to be. */
	sections: SectionDiff[];
	signalChanges: SignalChange[];
	hasChanges: boolean;
	/** One plain sentence per change, for notifications and revision notes. */
	summary: string[];
}

export interface DiffOptions {
	/** Unchanged lines shown around each change (default 3). */
	context?: number;
}

/** Line hunks between two bodies, numbered for a unified or side-by-side view. */
export function diffBodies(before: string, after: string, options: DiffOptions = {}): DiffHunk[] {
	if (before === after) return [];
	const patch = structuredPatch('before', 'after', before, after, '', '', { context: options.context ?? 3 });
	return patch.hunks.map((h) => {
		let oldLine = h.oldStart;
		let newLine = h.newStart;
		const lines: DiffLine[] = [];
		for (const raw of h.lines) {
			const mark = raw[0];
			const text = raw.slice(1).replace(/\r$/, '');
			if (mark === '\\') {
				if (lines.length) lines[lines.length - 1].noNewlineAtEnd = true;
			} else if (mark === '-') lines.push({ kind: 'removed', text, oldLine: oldLine++, newLine: null });
			else if (mark === '+') lines.push({ kind: 'added', text, oldLine: null, newLine: newLine++ });
			else lines.push({ kind: 'context', text, oldLine: oldLine++, newLine: newLine++ });
		}
		// structuredPatch counts from 0 for an empty side; keep numbers 1-based.
		return { oldStart: Math.max(h.oldStart, 1), oldLines: h.oldLines, newStart: Math.max(h.newStart, 1), newLines: h.newLines, lines };
	});
}

export interface SideBySideRow {
	left: DiffLine | null;
	right: DiffLine | null;
}

/** Pairs removed and added lines of a hunk into rows for a two-column view. */
export function sideBySide(hunk: DiffHunk): SideBySideRow[] {
	const rows: SideBySideRow[] = [];
	let removed: DiffLine[] = [];
	let added: DiffLine[] = [];
	const flush = () => {
		for (let i = 0; i < Math.max(removed.length, added.length); i++) rows.push({ left: removed[i] ?? null, right: added[i] ?? null });
		removed = [];
		added = [];
	};
	for (const line of hunk.lines) {
		if (line.kind === 'removed') {
			if (added.length) flush();
			removed.push(line);
		} else if (line.kind === 'added') added.push(line);
		else {
			flush();
			rows.push({ left: line, right: line });
		}
	}
	flush();
	return rows;
}

function sectionDiff(
	before: PlaybookSection | undefined,
	after: PlaybookSection | undefined,
	moved: SectionDiff['moved'],
	signalChanges: SignalChange[],
	options: DiffOptions
): SectionDiff {
	const hunks = diffBodies(before?.body ?? '', after?.body ?? '', options);
	const count = (kind: DiffLine['kind']) => hunks.reduce((n, h) => n + h.lines.filter((l) => l.kind === kind).length, 0);
	const slug = (after ?? before)!.slug;
	const renamed = !!before && !!after && before.title !== after.title;
	const bodyChanged = (before?.body ?? '') !== (after?.body ?? '');
	const change = !before ? 'added' : !after ? 'removed' : renamed || moved || bodyChanged ? 'changed' : 'unchanged';
	return {
		slug,
		change,
		title: (after ?? before)!.title,
		previousTitle: renamed ? before!.title : null,
		moved,
		bodyChanged,
		added: count('added'),
		removed: count('removed'),
		hunks,
		signalChanges: signalChanges.filter((c) => c.sectionSlug === slug)
	};
}

export function diffDocuments(before: PlaybookDocument, after: PlaybookDocument, options: DiffOptions = {}): DocumentDiff {
	const oldSlugs = before.sections.map((s) => s.slug);
	const newSlugs = after.sections.map((s) => s.slug);
	const oldBySlug = new Map(before.sections.map((s, i) => [s.slug, { section: s, index: i }]));
	const newBySlug = new Map(after.sections.map((s, i) => [s.slug, { section: s, index: i }]));
	const signalChanges = diffSignals(before, after);
	const sections: SectionDiff[] = [];
	// Sections outside the longest common order moved; diffArrays shows them as removed + added.
	for (const part of diffArrays(oldSlugs, newSlugs)) {
		for (const slug of part.value) {
			const old = oldBySlug.get(slug);
			const now = newBySlug.get(slug);
			if (part.removed) {
				if (!now) sections.push(sectionDiff(old!.section, undefined, null, signalChanges, options));
			} else if (part.added) {
				const moved = old ? { from: old.index + 1, to: now!.index + 1 } : null;
				sections.push(sectionDiff(old?.section, now!.section, moved, signalChanges, options));
			} else {
				sections.push(sectionDiff(old!.section, now!.section, null, signalChanges, options));
			}
		}
	}
	const summary = summarize(sections, signalChanges);
	return { sections, signalChanges, hasChanges: summary.length > 0, summary };
}

function summarize(sections: SectionDiff[], signals: SignalChange[]): string[] {
	const lines: string[] = [];
	for (const s of sections) {
		if (s.change === 'added') lines.push(`Added section '${s.title}'.`);
		else if (s.change === 'removed') lines.push(`Removed section '${s.title}'.`);
		if (s.change !== 'changed') continue;
		if (s.previousTitle !== null) lines.push(`Renamed section '${s.previousTitle}' to '${s.title}'.`);
		if (s.moved) lines.push(`Moved section '${s.title}' from position ${s.moved.from} to ${s.moved.to}.`);
		if (s.bodyChanged) lines.push(`Edited section '${s.title}' (${plural(s.added, 'line')} added, ${s.removed} removed).`);
	}
	for (const c of signals) {
		const label = `Signal '${c.name}' (${c.id})`;
		if (c.kind === 'added') lines.push(`${label} added.`);
		else if (c.kind === 'removed') lines.push(`${label} removed.`);
		else lines.push(`${label}: ${c.changes.join('; ')}.`);
	}
	return lines;
}

function plural(n: number, word: string): string {
	return `${n} ${word}${n === 1 ? '' : 's'}`;
}
