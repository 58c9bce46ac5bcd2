import { z } from 'zod';

/** Which record a merged field's value comes from. */
export type MergeSide = 'survivor' | 'loser';
export type MergeKind = 'contact' | 'account';

/** The fields an admin chooses between when merging, in the order the form shows them. */
export const MERGE_FIELDS = {
	contact: [
		{ key: 'firstName', label: 'First name' },
		{ key: 'lastName', label: 'Last name' },
		{ key: 'email', label: 'Email' },
		{ key: 'title', label: 'Title' },
		{ key: 'accountId', label: 'Account' },
		{ key: 'lifecycle', label: 'Lifecycle stage' },
		{ key: 'externalId', label: 'External id' }
	],
	account: [
		{ key: 'name', label: 'Name' },
		{ key: 'domain', label: 'Domain' },
		{ key: 'industry', label: 'Industry' },
		{ key: 'size', label: 'Size' },
		{ key: 'ownerId', label: 'Owner' },
		{ key: 'lifecycle', label: 'Lifecycle stage' },
		{ key: 'plan', label: 'Plan' },
		{ key: 'arr', label: 'ARR' },
		{ key: 'externalId', label: 'External id' }
	]
} as const satisfies Record<MergeKind, readonly { key: string; label: string }[]>;

export type MergeFieldKey<K extends MergeKind> = (typeof MERGE_FIELDS)[K][number]['key'];

const side = z.enum(['survivor', 'loser'], { error: 'Choose which record’s value to keep.' });

/** A merge request: the two records and, per field, whose value to keep (see pickMergedValues for the default). */
export function mergeInput<K extends MergeKind>(kind: K) {
	const choices = Object.fromEntries(MERGE_FIELDS[kind].map((f) => [f.key, side.optional()]));
	return z
		.object({
			survivorId: z.uuid('Choose the record to keep.'),
			loserId: z.uuid('Choose the record to merge into it.'),
			choices: z
				.object(choices as Record<MergeFieldKey<K>, z.ZodOptional<typeof side>>)
				.strict()
				.default({} as never)
		})
		.refine((m) => m.survivorId !== m.loserId, { path: ['loserId'], message: 'Choose two different records to merge.' });
}
export type MergeInput<K extends MergeKind> = z.output<ReturnType<typeof mergeInput<K>>>;

/**
 * The merged record's field values: for each field, the survivor’s or the loser’s as chosen.
 * A field left unchosen keeps the survivor’s value, unless the survivor has none and the loser has
 * one (an empty field never wins over a filled one by default).
 */
export function pickMergedValues<K extends MergeKind>(
	kind: K,
	survivor: Record<string, unknown>,
	loser: Record<string, unknown>,
	choices: Partial<Record<string, MergeSide>>
): { values: Record<string, unknown>; choices: Record<string, MergeSide> } {
	const values: Record<string, unknown> = {};
	const used: Record<string, MergeSide> = {};
	for (const { key } of MERGE_FIELDS[kind]) {
		const empty = (v: unknown) => v === null || v === undefined || v === '';
		const chosen = choices[key] ?? (empty(survivor[key]) && !empty(loser[key]) ? 'loser' : 'survivor');
		used[key] = chosen;
		values[key] = chosen === 'loser' ? loser[key] : survivor[key];
	}
	return { values, choices: used };
}
