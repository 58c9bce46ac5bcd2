import { describe, expect, it } from 'vitest';
import { sessionPlanSchema } from './plan';

const plan = (scheduledAt: string) => ({ title: 'Churn review', objective: 'Spot churn early', scheduledAt, participantIds: [] });

describe('sessionPlanSchema', () => {
	it('takes an ISO date-time with a zone from 1900 to 2999', () => {
		expect(sessionPlanSchema.parse(plan('2026-03-04T10:00:00Z')).scheduledAt).toBe('2026-03-04T10:00:00Z');
		expect(sessionPlanSchema.safeParse(plan('2999-12-31T10:00:00+02:00')).success).toBe(true);
	});

	it('refuses a year PostgreSQL cannot store or out of range, and days that do not exist', () => {
		for (const scheduledAt of ['0000-01-01T10:00:00Z', '9999-12-31T10:00:00Z', '1899-06-01T10:00:00Z', '2026-02-30T10:00:00Z', 'next Tuesday']) {
			expect(sessionPlanSchema.safeParse(plan(scheduledAt)).error?.issues[0].message, scheduledAt).toBe(
				'Pick a real date and time for the session, between 1900 and 2999 (ISO 8601, like 2026-03-04T10:00:00Z).'
			);
		}
	});
});
