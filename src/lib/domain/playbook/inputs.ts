import { z } from 'zod';
import { requiredText } from '../forms/fields';

/** The section editor's form: what changed, why, and which revision the edit started from. */
export const sectionEditInput = z.object({
	title: requiredText('a section title', 120).refine((t) => !/[\r\n]/.test(t), 'Keep the title on one line.'),
	body: z.string().max(100_000, 'Keep a section under 100,000 characters; split it into several.').transform((b) => b.replace(/\r\n/g, '\n')),
	reason: requiredText('why you are making this change', 2000),
	proposalTitle: z.string().trim().max(200, 'Keep the proposal title under 200 characters.').optional(),
	baseRevision: z.coerce.number({ error: 'The form lost track of its revision; reload the page.' }).int().positive()
});
export type SectionEditInput = z.output<typeof sectionEditInput>;

export const reviewInput = z.object({
	kind: z.enum(['comment', 'request_changes', 'approve'], { error: 'Choose comment, request changes or approve.' }),
	body: z.string().trim().max(5000, 'Keep the comment under 5,000 characters.')
});
