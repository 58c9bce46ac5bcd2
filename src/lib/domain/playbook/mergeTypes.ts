/** Shapes of a three-way playbook merge; plain data, so a result can be stored or sent as JSON. */
import type { PlaybookDocument } from './document';

/** How to settle one conflict: take one side's text, or write it yourself. */
export type ConflictChoice = 'ours' | 'theirs' | { custom: string };

export interface Conflict {
	/** Stable for the same three inputs: "body:slug:0", "title:slug", "section:slug", "order". */
	id: string;
	/**
	 * body: overlapping edits to lines of a section (texts are those lines);
	 * title: both renamed a section differently (texts are titles);
	 * section: one side deleted a section the other changed (texts are "# Title\n\nbody", null = deleted);
	 * order: both reordered sections differently (texts are slugs, one per line).
	 */
	kind: 'body' | 'title' | 'section' | 'order';
	slug: string | null;
	/** What happened, in plain words. */
	message: string;
	base: string | null;
	ours: string | null;
	theirs: string | null;
	/** Why the last choice for this conflict could not be used. */
	problem?: string;
}

export type MergePiece = { text: string } | { conflict: string };

export type PlannedSection =
	| { slug: string; title: MergePiece; body: MergePiece[] }
	| { slug: string; conflict: string };

export interface MergePlan {
	sections: PlannedSection[];
	/** Order of the sections both sides kept; the rest is placed after its neighbour. */
	order: { slugs: string[] } | { conflict: string };
	oursOrder: string[];
	theirsOrder: string[];
}

export interface MergeLabels {
	ours: string;
	theirs: string;
}

export interface MergeResult {
	/**
	 * The merged document. Final only when `conflicts` is empty; until then it is a preview in which
	 * body conflicts show as <<<<<<< / ||||||| / ======= / >>>>>>> markers, a section one side deleted
	 * is still there, and titles and order follow ours.
	 */
	merged: PlaybookDocument;
	conflicts: Conflict[];
	plan: MergePlan;
	labels: MergeLabels;
}
