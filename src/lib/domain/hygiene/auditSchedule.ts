import { z } from 'zod';

export const AUDIT_SCHEDULES = ['monthly', 'off'] as const;
export type AuditSchedule = (typeof AUDIT_SCHEDULES)[number];

export const DEFAULT_HYGIENE_SETTINGS = { staleDays: 90, auditSchedule: 'monthly' as AuditSchedule };

export const hygieneSettingsInput = z.object({
	staleDays: z.coerce
		.number({ error: 'Enter a number of days, like 90.' })
		.int('Enter a whole number of days.')
		.min(1, 'Enter at least 1 day.')
		.max(3650, 'Enter at most 3650 days (ten years).'),
	auditSchedule: z.enum(AUDIT_SCHEDULES, { error: 'Choose monthly or off.' })
});
export type HygieneSettingsInput = z.output<typeof hygieneSettingsInput>;

/**
 * Whether a scheduled audit is due: monthly means one scheduled audit per calendar month (UTC).
 * The scheduler checks every hour, so a month whose first hours the app was down still gets one.
 */
export function isAuditDue(schedule: AuditSchedule, lastScheduledAt: Date | null, now: Date): boolean {
	if (schedule === 'off') return false;
	if (!lastScheduledAt) return true;
	return lastScheduledAt.getUTCFullYear() !== now.getUTCFullYear() || lastScheduledAt.getUTCMonth() !== now.getUTCMonth();
}

/** The first moment of the next calendar month (UTC): when the next scheduled audit becomes due. */
export function nextAuditDue(schedule: AuditSchedule, lastScheduledAt: Date | null, now: Date): Date | null {
	if (schedule === 'off') return null;
	if (isAuditDue(schedule, lastScheduledAt, now)) return now;
	return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
}
