import { json } from '@sveltejs/kit';
import type { z } from 'zod';
import type { Database } from '../db/index';
import { apiRoute, methodNotAllowed } from './apiRoute';
import { readJsonBody } from './readBody';
import { countResults, type UpsertResult } from './upsertApi';

type Upsert<T> = (db: Database, workspaceId: string, items: T[], prefix: string | null) => Promise<UpsertResult[]>;

/** POST one record: 201 with the record when created, 200 when matched (updated or unchanged). */
export function upsertOneRoute<S extends z.ZodType>(schema: S, upsert: Upsert<z.output<S>>, read: (db: Database, workspaceId: string, id: string) => Promise<unknown>) {
	return apiRoute('write', async ({ event, db, principal }) => {
		const { data } = await readJsonBody(event.request, schema);
		const [result] = await upsert(db, principal.workspaceId, [data], null);
		const record = await read(db, principal.workspaceId, result.id);
		return json({ action: result.action, data: record }, { status: result.action === 'created' ? 201 : 200 });
	});
}

/** POST a batch `{ <key>: [...] }` of up to 1,000 records, all or nothing. */
export function upsertBatchRoute<S extends z.ZodType, T>(key: string, schema: S, upsert: Upsert<T>) {
	return apiRoute('write', async ({ event, db, principal }) => {
		const { data } = await readJsonBody(event.request, schema);
		const items = (data as Record<string, T[]>)[key];
		return json(countResults(await upsert(db, principal.workspaceId, items, `${key}.`)));
	});
}

export const postOnly = methodNotAllowed(['POST']);
