import { describe, expect, it } from 'vitest';
import { hygieneSettingsInput, isAuditDue, nextAuditDue } from './auditSchedule';

describe('isAuditDue', () => {
	const now = new Date('2026-03-01T02:00:00Z');
	it('runs once per calendar month, the first time the scheduler looks', () => {
		expect(isAuditDue('monthly', null, now)).toBe(true);
		expect(isAuditDue('monthly', new Date('2026-02-27T10:00:00Z'), now)).toBe(true);
		expect(isAuditDue('monthly', new Date('2026-03-01T01:00:00Z'), now)).toBe(false);
		expect(isAuditDue('monthly', new Date('2025-03-15T01:00:00Z'), now)).toBe(true);
	});
	it('never runs when off', () => {
		expect(isAuditDue('off', null, now)).toBe(false);
		expect(nextAuditDue('off', null, now)).toBeNull();
	});
	it('says when the next one is due', () => {
		expect(nextAuditDue('monthly', new Date('2026-12-05T00:00:00Z'), new Date('2026-12-20T00:00:00Z'))).toEqual(new Date('2027-01-01T00:00:00Z'));
	});
});

describe('hygieneSettingsInput', () => {
	it('reads the form and refuses days out of range with a message', () => {
		expect(hygieneSettingsInput.parse({ staleDays: '30', auditSchedule: 'off' })).toEqual({ staleDays: 30, auditSchedule: 'off' });
		const bad = hygieneSettingsInput.safeParse({ staleDays: '0', auditSchedule: 'weekly' });
		expect(bad.success).toBe(false);
		expect(bad.error?.issues.map((i) => i.message)).toEqual(['Enter at least 1 day.', 'Choose monthly or off.']);
	});
});
