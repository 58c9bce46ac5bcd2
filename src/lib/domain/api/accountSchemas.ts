import { z } from 'zod';
import { ACCOUNT_LIFECYCLES, COMPANY_SIZES, PLANS } from '../crm/vocabulary';
import { timelinePageSchema } from './activitySchemas';

export const accountSchema = z.strictObject({
	id: z.uuid(),
	externalId: z.string().nullable(),
	name: z.string(),
	domain: z.string().nullable(),
	industry: z.string().nullable(),
	size: z.enum(COMPANY_SIZES).nullable(),
	lifecycle: z.enum(ACCOUNT_LIFECYCLES),
	plan: z.enum(PLANS).nullable(),
	arr: z.int().meta({ description: 'Annual recurring revenue in whole US dollars.' }),
	ownerEmail: z.string().nullable(),
	createdAt: z.iso.datetime({ offset: true }),
	updatedAt: z.iso.datetime({ offset: true })
});
export type ApiAccount = z.output<typeof accountSchema>;

export const accountListQuery = z.strictObject({
	limit: z.coerce.number({ error: 'limit must be a number from 1 to 200.' }).int('limit must be a whole number.').min(1, 'limit must be at least 1.').max(200, 'limit must be at most 200.').default(50),
	cursor: z.string().max(200).optional().meta({ description: 'The `next` of the previous page.' }),
	externalId: z.string().max(100).optional(),
	domain: z.string().max(253).optional().meta({ description: 'Any form of the domain; it is normalized (https://www.acme.com/ finds acme.com).' })
});

export const accountListSchema = z.strictObject({
	data: z.array(accountSchema),
	next: z.string().nullable().meta({ description: 'Pass as ?cursor= for the next page; null on the last page.' })
});

export const timelineQuery = z.strictObject({
	limit: z.coerce.number({ error: 'limit must be a number from 1 to 500.' }).int('limit must be a whole number.').min(1, 'limit must be at least 1.').max(500, 'limit must be at most 500.').default(100),
	cursor: z.string().max(100).optional().meta({ description: 'The `next` of the previous page.' })
});

export const accountWithTimelineSchema = z.strictObject({
	data: accountSchema,
	timeline: timelinePageSchema
});
