import { z } from 'zod';
import type { ApiOperation } from './operations';
import { mergeInput } from '../hygiene/mergeFields';

export const mergeResult = z.strictObject({
	mergeRecordId: z.uuid(),
	survivorId: z.uuid().meta({ description: 'The record that stays; the other one no longer exists.' }),
	moved: z.record(z.string(), z.int().min(0)).meta({ description: 'Rows moved to the survivor, per kind (activities, notes, tasks, tags, ...).' })
});

const example = {
	survivorId: '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
	loserId: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d',
	choices: { title: 'loser' }
};

/** Merge two contacts or two accounts, as the hygiene page does. */
export const MERGE_OPERATIONS: ApiOperation[] = (['contact', 'account'] as const).map((kind) => ({
	method: 'post',
	path: `/api/v1/${kind}s/merge`,
	operationId: `merge${kind === 'contact' ? 'Contacts' : 'Accounts'}`,
	summary: `Merge two ${kind}s`,
	description: `Merges \`loserId\` into \`survivorId\` in one transaction: ${
		kind === 'contact' ? 'its activities, notes, tasks and tags' : 'its contacts, deals, activities, notes, tasks, tags and practice-session references'
	} move to the survivor, which keeps, per field in \`choices\`, the \`survivor\`'s or the \`loser\`'s value (a field left out keeps the survivor's, or the loser's when the survivor's is empty). The loser is deleted; a merge record with both records as they were and an audit entry are written. 404 when either is not in the token's workspace${
		kind === 'account' ? '; 409 while a live practice session shows the loser' : ''
	}.`,
	tag: kind === 'contact' ? 'Contacts' : 'Accounts',
	scope: 'write',
	body: mergeInput(kind),
	success: { status: 200, description: 'The merge happened.', schema: mergeResult },
	errors: kind === 'account' ? [400, 404, 409, 415, 422] : [400, 404, 415, 422],
	example
}));
