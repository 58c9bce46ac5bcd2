/**
 * Logging an activity by hand on an account: the kinds people record themselves (calls,
 * meetings, replies, tickets, survey answers), with the one detail each kind's timeline line shows.
 */
import { z } from 'zod';
import { choice, optionalId, requiredText } from '../forms/fields';
import type { ActivityType } from './activityTypes';
import { readLocalDateTime, YEAR_RANGE } from '../calendarDate';

export const LOGGABLE_ACTIVITY_TYPES = ['call_logged', 'meeting_held', 'email_replied', 'ticket_opened', 'survey_answered'] as const satisfies readonly ActivityType[];
export type LoggableActivityType = (typeof LOGGABLE_ACTIVITY_TYPES)[number];

/** The property the summary is stored in, as the demo data and describeActivity use them. */
export const SUMMARY_PROPERTY: Record<LoggableActivityType, string> = {
	call_logged: 'outcome',
	meeting_held: 'title',
	email_replied: 'subject',
	ticket_opened: 'subject',
	survey_answered: 'comment'
};

export const activityInput = z
	.object({
		type: choice(LOGGABLE_ACTIVITY_TYPES, 'what happened'),
		summary: requiredText('a short summary', 300),
		/** From a datetime-local input, read as UTC (the timeline shows UTC); empty means now. */
		occurredAt: z
			.string()
			.trim()
			.optional()
			.transform((v) => v || null)
			.refine((v) => v === null || readLocalDateTime(v) !== null, `Enter when it happened as a real date and time ${YEAR_RANGE}, like 2026-03-31 14:30.`),
		/** NPS answer 0-10, for survey answers only. */
		score: z
			.string()
			.trim()
			.optional()
			.transform((v) => v || null),
		contactId: optionalId('a contact')
	})
	.superRefine((input, ctx) => {
		if (input.type !== 'survey_answered') return;
		if (input.score === null || !/^(10|\d)$/.test(input.score)) {
			ctx.addIssue({ code: 'custom', path: ['score'], message: 'Enter the NPS score the customer gave, a whole number from 0 to 10.' });
		}
	});
export type ActivityInput = z.output<typeof activityInput>;

/** The activity's properties as the timeline and the signal rules read them. */
export function activityProperties(input: ActivityInput): Record<string, unknown> {
	const properties: Record<string, unknown> = { [SUMMARY_PROPERTY[input.type]]: input.summary };
	if (input.type === 'survey_answered') Object.assign(properties, { kind: 'nps', score: Number(input.score) });
	return properties;
}
