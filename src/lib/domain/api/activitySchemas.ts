import { z } from 'zod';
import { ACTIVITY_TYPES } from '../crm/activityTypes';
import { DEPARTMENTS } from '../crm/vocabulary';
import { isDateTimeInRange, YEAR_RANGE } from '../calendarDate';

export const MAX_BATCH = 1000;

const externalId = z.string().trim().min(1, 'An external id cannot be empty.').max(100, 'Keep external ids under 100 characters.');
const uuid = (what: string) => z.uuid(`${what} must be a UUID as this API returns it.`);

/** One activity to add to an account's timeline; the account by id or by external id. */
export const ingestActivity = z
	.strictObject({
		type: z.enum(ACTIVITY_TYPES, { error: `type must be one of: ${ACTIVITY_TYPES.join(', ')}.` }),
		occurredAt: z.iso
			.datetime({ offset: true, error: 'occurredAt must be an ISO 8601 date-time with a time zone, like 2026-03-31T14:05:00Z.' })
			.refine(isDateTimeInRange, `occurredAt must be a real date and time ${YEAR_RANGE}, like 2026-03-31T14:05:00Z.`),
		accountId: uuid('accountId').optional(),
		accountExternalId: externalId.optional(),
		contactId: uuid('contactId').optional(),
		contactExternalId: externalId.optional(),
		department: z.enum(DEPARTMENTS, { error: `department must be one of: ${DEPARTMENTS.join(', ')}.` }).optional(),
		properties: z
			.record(z.string().max(100), z.unknown())
			.optional()
			.refine((p) => p === undefined || JSON.stringify(p).length <= 4000, 'Keep properties under 4,000 characters of JSON.')
	})
	.refine((a) => a.accountId !== undefined || a.accountExternalId !== undefined || a.contactId !== undefined || a.contactExternalId !== undefined, {
		message: 'Name the account (accountId or accountExternalId), or a contact that belongs to one.',
		path: ['accountId']
	})
	.meta({ description: 'One timeline event. Name the account by accountId or accountExternalId (or only a contact that belongs to an account). department defaults to the team that usually owns the type.' });
export type IngestActivity = z.output<typeof ingestActivity>;

export const ingestBatch = z.strictObject({
	activities: z
		.array(ingestActivity, { error: 'Send { "activities": [ ... ] }.' })
		.min(1, 'Send at least one activity.')
		.max(MAX_BATCH, `Send at most ${MAX_BATCH} activities per request; split larger batches.`)
});

export const ingestResult = z.strictObject({
	inserted: z.int().meta({ description: 'How many activities this request added.' }),
	activityIds: z.array(z.int()).meta({ description: 'The new activities, in the order they were sent.' })
});

export const timelineItemSchema = z.strictObject({
	id: z.int(),
	type: z.enum(ACTIVITY_TYPES),
	occurredAt: z.iso.datetime({ offset: true }),
	department: z.enum(DEPARTMENTS),
	properties: z.record(z.string(), z.unknown()),
	contactId: z.uuid().nullable(),
	contactName: z.string().nullable(),
	actorName: z.string().nullable()
});

export const timelinePageSchema = z.strictObject({
	items: z.array(timelineItemSchema),
	next: z.string().nullable().meta({ description: 'Pass as ?cursor= for the next (older) page; null on the last page.' })
});
