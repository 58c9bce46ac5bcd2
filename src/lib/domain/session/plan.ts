/** What a facilitator plans before a session goes live; one schema for the form, REST and tests. */
import { z } from 'zod';
import { agendaSchema, defaultAgenda } from './agenda';
import { LIMITS } from './vocabulary';
import { isDateTimeInRange, YEAR_RANGE } from '../calendarDate';

const WHEN = `Pick a real date and time for the session, ${YEAR_RANGE} (ISO 8601, like 2026-03-04T10:00:00Z).`;

export const sessionPlanSchema = z.strictObject({
	title: z
		.string({ error: 'Give the session a title.' })
		.trim()
		.min(1, 'Give the session a title.')
		.max(LIMITS.sessionTitle, `Keep the title to ${LIMITS.sessionTitle} characters or fewer.`),
	objective: z
		.string({ error: 'Say what the session is for, like "Spotting churn signals in onboarding".' })
		.trim()
		.min(1, 'Say what the session is for, like "Spotting churn signals in onboarding".')
		.max(LIMITS.objective, `Keep the objective to ${LIMITS.objective} characters or fewer.`),
	scheduledAt: z.iso.datetime({ offset: true, error: WHEN }).refine(isDateTimeInRange, WHEN),
	participantIds: z
		.array(z.uuid('Choose participants from the workspace members.'))
		.max(LIMITS.participants, `A session has at most ${LIMITS.participants} participants.`)
		.transform((ids) => [...new Set(ids)]),
	agenda: agendaSchema.default(defaultAgenda)
});

/** A checked plan. Referenced users and accounts must still be checked against the workspace. */
export type SessionPlan = z.output<typeof sessionPlanSchema>;
export type SessionPlanInput = z.input<typeof sessionPlanSchema>;
