import { z } from 'zod';
import type { ApiOperation } from './operations';
import { accountSchema } from './accountSchemas';
import { accountBatch, accountUpsert, contactBatch, contactSchema, contactUpsert, dealBatch, dealSchema, dealUpsert, upsertAction, upsertBatchResult } from './upsertSchemas';

const one = (record: z.ZodType) => z.strictObject({ action: upsertAction, data: record });

interface Kind {
	tag: ApiOperation['tag'];
	plural: string;
	singular: string;
	match: string;
	item: z.ZodType;
	batch: z.ZodType;
	record: z.ZodType;
	example: Record<string, unknown>;
}

const KINDS: Kind[] = [
	{ tag: 'Accounts', plural: 'accounts', singular: 'account', match: '`externalId`, then normalized `domain`', item: accountUpsert, batch: accountBatch, record: accountSchema, example: { externalId: 'hs-1042', name: 'Acme', domain: 'acme.com', lifecycle: 'customer', plan: 'pro', arr: 24000 } },
	{ tag: 'Contacts', plural: 'contacts', singular: 'contact', match: '`externalId`, then `email`', item: contactUpsert, batch: contactBatch, record: contactSchema, example: { externalId: 'hs-c-77', email: 'ana@acme.com', firstName: 'Ana', lastName: 'Silva', accountExternalId: 'hs-1042' } },
	{ tag: 'Deals', plural: 'deals', singular: 'deal', match: '`externalId`, then the same `name` on the same account', item: dealUpsert, batch: dealBatch, record: dealSchema, example: { externalId: 'hs-d-9', name: 'Acme renewal', accountExternalId: 'hs-1042', stage: 'proposal', amount: 24000, closeOn: '2026-06-30' } }
];

const title = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Upsert one record and a batch of records, for accounts, contacts and deals. */
export const UPSERT_OPERATIONS: ApiOperation[] = KINDS.flatMap((k): ApiOperation[] => [
	{
		method: 'post',
		path: `/api/v1/${k.plural}`,
		operationId: `upsert${title(k.singular)}`,
		summary: `Create or update one ${k.singular}`,
		description: `Matches an existing ${k.singular} by ${k.match}; updates it (fields left out keep their value) or creates a new one. 201 when created, 200 otherwise (\`action\` says \`updated\` or \`unchanged\`).${k.tag === 'Accounts' ? '' : ' Name the account by `accountExternalId`, `accountDomain` or `accountName`.'}`,
		tag: k.tag,
		scope: 'write',
		body: k.item,
		success: { status: 200, description: `The ${k.singular} as stored now (201 when it was created).`, schema: one(k.record), created: true },
		errors: [400, 409, 413, 415, 422],
		example: k.example
	},
	{
		method: 'post',
		path: `/api/v1/${k.plural}/batch`,
		operationId: `upsert${title(k.plural)}`,
		summary: `Create or update up to 1,000 ${k.plural}`,
		description: `The same matching as the single upsert, for a whole batch in one transaction: all records are saved, or none (the error's \`field\` names the first bad one, e.g. \`${k.plural}.12.${k.tag === 'Contacts' ? 'email' : 'externalId'}\`).`,
		tag: k.tag,
		scope: 'write',
		body: k.batch,
		success: { status: 200, description: 'What happened to each record, in the order sent.', schema: upsertBatchResult },
		errors: [400, 409, 413, 415, 422],
		example: { [k.plural]: [k.example] }
	}
]);
