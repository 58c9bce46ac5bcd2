import { MERGE_FIELDS, mergeInput, type MergeKind, type MergeSide } from './mergeFields';

/**
 * Reads the side-by-side merge form: records `a` and `b`, `keep` (which of them survives) and,
 * per field, `field.<key>` = 'a' or 'b' (whose value to keep). Gives the merge command's input,
 * or the first problem in words.
 */
export function readMergeForm(kind: MergeKind, form: Record<string, string | undefined>) {
	const keep = form.keep;
	if (keep !== 'a' && keep !== 'b') return { ok: false as const, message: 'Choose which record to keep.' };
	const survivorId = keep === 'a' ? form.a : form.b;
	const loserId = keep === 'a' ? form.b : form.a;
	const choices: Record<string, MergeSide> = {};
	for (const { key, label } of MERGE_FIELDS[kind]) {
		const pick = form[`field.${key}`];
		if (pick === undefined || pick === '') continue;
		if (pick !== 'a' && pick !== 'b') return { ok: false as const, message: `Choose whose ${label.toLowerCase()} to keep.` };
		choices[key] = pick === keep ? 'survivor' : 'loser';
	}
	const parsed = mergeInput(kind).safeParse({ survivorId, loserId, choices });
	if (!parsed.success) return { ok: false as const, message: parsed.error.issues[0].message };
	return { ok: true as const, data: parsed.data };
}
