import { z } from 'zod';
import { ACCOUNT_LIFECYCLES, COMPANY_SIZES, CONTACT_LIFECYCLES, DEAL_STAGES, PLANS, DEAL_OUTCOMES } from '../crm/vocabulary';
import { normalizeDomain } from '../crm/slug';
import { MAX_BATCH } from './activitySchemas';
import { isCalendarDay, YEAR_RANGE } from '../calendarDate';

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

const text = (what: string, max: number) => z.string({ error: `${what} must be text.` }).trim().max(max, `Keep ${what} under ${max} characters.`);
const externalId = text('externalId', 100).min(1, 'externalId cannot be empty; leave it out instead.').meta({ description: 'Your system’s id for the record: the first thing an upsert matches on.' });
const optionalText = (what: string, max: number) => text(what, max).nullish();
const email = z
	.string({ error: 'email must be text.' })
	.trim()
	.toLowerCase()
	.pipe(z.email('email does not look like an email address (expected name@company.com).'));
const date = (what: string) => z.string({ error: `${what} must be a date like 2026-03-31.` }).refine(isCalendarDay, `${what} must be a real date ${YEAR_RANGE}, like 2026-03-31.`);
const wholeDollars = (what: string) => z.int(`${what} must be a whole number of US dollars.`).min(0, `${what} cannot be negative.`).max(2_000_000_000, `${what} is too large.`);
const choice = <const T extends readonly [string, ...string[]]>(values: T, what: string) => z.enum(values, { error: `${what} must be one of: ${values.join(', ')}.` });

/** How a contact or deal names its account: external id, else normalized domain, else exact name. */
const accountRef = {
	accountExternalId: externalId.nullish(),
	accountDomain: z
		.string({ error: 'accountDomain must be text.' })
		.max(300)
		.transform(normalizeDomain)
		.refine((v) => DOMAIN.test(v), 'accountDomain must be a web domain, like acme.com.')
		.nullish(),
	accountName: text('accountName', 200).min(1).nullish()
};

/**
 * Upsert fields: matched records keep the value of any field left out (or null); created records
 * get the defaults. `name` is needed only to create.
 */
export const accountUpsert = z.strictObject({
	externalId: externalId.optional(),
	name: text('name', 200).min(1, 'name cannot be empty.').optional(),
	domain: z
		.string({ error: 'domain must be text.' })
		.max(300)
		.transform(normalizeDomain)
		.refine((v) => DOMAIN.test(v), 'domain must be a web domain, like acme.com.')
		.nullish()
		.meta({ description: 'Normalized (https://www.Acme.com/ is acme.com): the second thing an upsert matches on.' }),
	industry: optionalText('industry', 80),
	size: choice(COMPANY_SIZES, 'size').nullish(),
	lifecycle: choice(ACCOUNT_LIFECYCLES, 'lifecycle').nullish(),
	plan: choice(PLANS, 'plan').nullish(),
	arr: wholeDollars('arr').nullish()
});
export type AccountUpsert = z.output<typeof accountUpsert>;

export const contactUpsert = z.strictObject({
	externalId: externalId.optional(),
	email: email.nullish().meta({ description: 'Lower-cased: the second thing an upsert matches on.' }),
	firstName: text('firstName', 100).min(1, 'firstName cannot be empty.').optional(),
	lastName: optionalText('lastName', 100),
	title: optionalText('title', 120),
	lifecycle: choice(CONTACT_LIFECYCLES, 'lifecycle').nullish(),
	...accountRef
});
export type ContactUpsert = z.output<typeof contactUpsert>;

export const dealUpsert = z
	.strictObject({
		externalId: externalId.optional(),
		name: text('name', 200).min(1, 'name cannot be empty.').optional(),
		...accountRef,
		stage: choice(DEAL_STAGES, 'stage').nullish(),
		amount: wholeDollars('amount').nullish(),
		openedOn: date('openedOn').nullish(),
		closeOn: date('closeOn').nullish()
	})
	.refine((d) => d.accountExternalId || d.accountDomain || d.accountName, { path: ['accountExternalId'], message: 'Name the deal’s account: accountExternalId, accountDomain or accountName (every deal belongs to one, also when updating).' })
	.refine((d) => !d.openedOn || !d.closeOn || d.closeOn >= d.openedOn, { path: ['closeOn'], message: 'closeOn cannot be before openedOn.' });
export type DealUpsert = z.output<typeof dealUpsert>;

const batchOf = <S extends z.ZodType>(key: string, item: S) =>
	z.strictObject({
		[key]: z
			.array(item, { error: `Send { "${key}": [ ... ] }.` })
			.min(1, `Send at least one record in ${key}.`)
			.max(MAX_BATCH, `Send at most ${MAX_BATCH} records per request; split larger batches.`)
	});

export const accountBatch = batchOf('accounts', accountUpsert);
export const contactBatch = batchOf('contacts', contactUpsert);
export const dealBatch = batchOf('deals', dealUpsert);

export const upsertAction = z.enum(['created', 'updated', 'unchanged']);
export const upsertOne = z.strictObject({ id: z.uuid(), action: upsertAction });
export const upsertBatchResult = z.strictObject({
	created: z.int(),
	updated: z.int(),
	unchanged: z.int(),
	results: z.array(upsertOne).meta({ description: 'One per record sent, in the same order.' })
});

export const contactSchema = z.strictObject({
	id: z.uuid(),
	externalId: z.string().nullable(),
	email: z.string().nullable(),
	firstName: z.string(),
	lastName: z.string(),
	title: z.string().nullable(),
	lifecycle: z.enum(CONTACT_LIFECYCLES),
	accountId: z.uuid().nullable()
});

export const dealSchema = z.strictObject({
	id: z.uuid(),
	externalId: z.string().nullable(),
	name: z.string(),
	accountId: z.uuid(),
	stage: z.enum(DEAL_STAGES),
	outcome: z.enum(DEAL_OUTCOMES),
	amount: z.int(),
	openedOn: z.string(),
	closeOn: z.string().nullable()
});
