import { json } from '@sveltejs/kit';
import { apiRoute } from './apiRoute';
import { ApiError } from './apiError';
import { readJsonBody } from './readBody';
import { mergeContacts } from '../commands/mergeContacts';
import { mergeAccounts } from '../commands/mergeAccounts';
import { MergeError } from '../commands/mergeSupport';
import { mergeInput, type MergeKind } from '../../domain/hygiene/mergeFields';

/** POST /api/v1/{contacts|accounts}/merge: the same merge command as the hygiene page, audited as the token. */
export function mergeRoute(kind: MergeKind) {
	return apiRoute('write', async ({ event, db, principal }) => {
		const { data } = await readJsonBody(event.request, mergeInput(kind));
		const actor = { userId: null, label: `API token ${principal.tokenName}` };
		try {
			const result = kind === 'contact' ? await mergeContacts(db, principal.workspaceId, actor, data) : await mergeAccounts(db, principal.workspaceId, actor, data);
			return json(result);
		} catch (e) {
			if (!(e instanceof MergeError)) throw e;
			if (e.code === 'not_found') throw new ApiError(404, 'not_found', e.message);
			if (e.code === 'live_session') throw new ApiError(409, 'conflict', e.message, 'loserId');
			throw new ApiError(422, 'validation_failed', e.message, 'loserId');
		}
	});
}
