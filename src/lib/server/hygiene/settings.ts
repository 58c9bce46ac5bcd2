import { eq } from 'drizzle-orm';
import type { Database } from '../db/index';
import { hygieneSettings } from '../db/schema';
import { DEFAULT_HYGIENE_SETTINGS, type AuditSchedule, type HygieneSettingsInput } from '../../domain/hygiene/auditSchedule';

export interface HygieneSettings {
	staleDays: number;
	auditSchedule: AuditSchedule;
}

/** The workspace's hygiene settings, or the defaults when none were saved. */
export async function getHygieneSettings(db: Database, workspaceId: string): Promise<HygieneSettings> {
	const [row] = await db.select().from(hygieneSettings).where(eq(hygieneSettings.workspaceId, workspaceId));
	return row ? { staleDays: row.staleDays, auditSchedule: row.auditSchedule as AuditSchedule } : { ...DEFAULT_HYGIENE_SETTINGS };
}

export async function saveHygieneSettings(db: Database, workspaceId: string, userId: string, input: HygieneSettingsInput): Promise<void> {
	const values = { staleDays: input.staleDays, auditSchedule: input.auditSchedule, updatedBy: userId, updatedAt: new Date() };
	await db
		.insert(hygieneSettings)
		.values({ workspaceId, ...values })
		.onConflictDoUpdate({ target: hygieneSettings.workspaceId, set: values });
}
