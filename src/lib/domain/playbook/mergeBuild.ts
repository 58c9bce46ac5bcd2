/** Turns a merge plan into a document, and settles conflicts with the reader's choices. */
import { titleProblem, type PlaybookDocument, type PlaybookSection } from './document';
import { placeOneSided } from './mergeOrder';
import type { Conflict, ConflictChoice, MergeLabels, MergePiece, MergePlan, MergeResult, PlannedSection } from './mergeTypes';
import { parseSectionText } from './sectionText';

/** Joins body pieces, putting a line break between pieces where one is missing. */
function joinPieces(texts: string[]): string {
	let out = '';
	for (const text of texts) {
		if (out !== '' && !out.endsWith('\n') && text !== '') out += '\n';
		out += text;
	}
	return out;
}

function markers(c: Conflict, labels: MergeLabels): string {
	return joinPieces([
		`<<<<<<< ${labels.ours}\n`,
		c.ours ?? '',
		'||||||| base\n',
		c.base ?? '',
		'=======\n',
		c.theirs ?? '',
		`>>>>>>> ${labels.theirs}\n`
	]);
}

function slugList(text: string | null): string[] {
	return (text ?? '')
		.split('\n')
		.map((s) => s.trim())
		.filter(Boolean);
}

/** The document a plan describes; unresolved conflicts appear as described on MergeResult.merged. */
export function buildMerged(plan: MergePlan, conflicts: Conflict[], labels: MergeLabels): PlaybookDocument {
	const open = new Map(conflicts.map((c) => [c.id, c]));
	const piece = (p: MergePiece) => ('text' in p ? p.text : markers(open.get(p.conflict)!, labels));
	const sections = new Map<string, PlaybookSection>();
	for (const entry of plan.sections) {
		if ('conflict' in entry) {
			const c = open.get(entry.conflict)!;
			const kept = parseSectionText(c.ours ?? c.theirs ?? '');
			if (kept.ok) sections.set(entry.slug, { slug: entry.slug, title: kept.title, body: kept.body });
			continue;
		}
		const title = 'text' in entry.title ? entry.title.text : (open.get(entry.title.conflict)!.ours ?? '');
		sections.set(entry.slug, { slug: entry.slug, title, body: joinPieces(entry.body.map(piece)) });
	}
	const shared = 'slugs' in plan.order ? plan.order.slugs : slugList(open.get(plan.order.conflict)!.ours);
	const order = placeOneSided(shared, plan.oursOrder, plan.theirsOrder, new Set(sections.keys()));
	return { sections: order.map((slug) => sections.get(slug)!) };
}

function chosenText(conflict: Conflict, choice: ConflictChoice): string | null {
	if (choice === 'ours') return conflict.ours;
	if (choice === 'theirs') return conflict.theirs;
	return choice.custom;
}

/** Applies one choice to the plan; returns why it cannot be used, or null when it was applied. */
function apply(plan: MergePlan, conflict: Conflict, choice: ConflictChoice): string | null {
	const text = chosenText(conflict, choice);
	const replace = (pieces: MergePiece[]) => pieces.map((p) => ('conflict' in p && p.conflict === conflict.id ? { text: text ?? '' } : p));
	switch (conflict.kind) {
		case 'body':
			plan.sections = plan.sections.map((s) => ('body' in s ? { ...s, body: replace(s.body) } : s));
			return null;
		case 'title': {
			const title = (text ?? '').trim();
			const problem = titleProblem(title);
			if (problem) return `${problem.charAt(0).toUpperCase()}${problem.slice(1)}.`;
			plan.sections = plan.sections.map((s) =>
				'title' in s && 'conflict' in s.title && s.title.conflict === conflict.id ? { ...s, title: { text: title } } : s
			);
			return null;
		}
		case 'section': {
			let next: PlannedSection | null = null;
			if (text !== null && text.trim() !== '') {
				const parsed = parseSectionText(text);
				if (!parsed.ok) return `${parsed.message.charAt(0).toUpperCase()}${parsed.message.slice(1)}; leave it empty to delete the section.`;
				next = { slug: conflict.slug!, title: { text: parsed.title }, body: [{ text: parsed.body }] };
			}
			plan.sections = plan.sections.flatMap((s) => ('conflict' in s && s.conflict === conflict.id ? (next ? [next] : []) : [s]));
			return null;
		}
		case 'order': {
			const shared = slugList(conflict.ours);
			const known = new Set(shared);
			const listed = [...new Set(slugList(text).filter((s) => known.has(s)))];
			const unknown = slugList(text).filter((s) => !known.has(s));
			if (unknown.length) return `These are not sections both sides kept: ${unknown.join(', ')}. List the section slugs one per line.`;
			plan.order = { slugs: [...listed, ...shared.filter((s) => !listed.includes(s))] };
			return null;
		}
	}
}

/**
 * Settles the conflicts named in `choices` (by conflict id) and returns the merge with those gone.
 * A choice that cannot be used (an empty custom title, a custom section without a '# Title' line)
 * leaves its conflict open with `problem` saying why. The document is final when no conflicts remain.
 */
export function resolveConflicts(result: MergeResult, choices: Record<string, ConflictChoice>): MergeResult {
	const plan: MergePlan = structuredClone(result.plan);
	const remaining: Conflict[] = [];
	for (const conflict of result.conflicts) {
		const choice = Object.hasOwn(choices, conflict.id) ? choices[conflict.id] : undefined;
		if (!choice) {
			remaining.push(conflict);
			continue;
		}
		const problem = apply(plan, conflict, choice);
		if (problem) remaining.push({ ...conflict, problem });
	}
	return { merged: buildMerged(plan, remaining, result.labels), conflicts: remaining, plan, labels: result.labels };
}
