import type { ActivityType } from '../crm/activityTypes';
import type { AccountLifecycle, CompanySize, ContactLifecycle, DealStage, Department, Plan } from '../crm/vocabulary';

/**
 * Typed records for the upsert core, shared by the CSV import and the REST API. A null field is
 * "not given": an update keeps the stored value, an insert uses the default.
 */

/** How a row names its parent account: by external id, else normalized domain, else exact name. */
export interface AccountRef {
	externalId: string | null;
	domain: string | null;
	name: string | null;
}

export interface AccountRecord {
	externalId: string | null;
	name: string | null;
	/** Normalized (see normalizeDomain). */
	domain: string | null;
	industry: string | null;
	size: CompanySize | null;
	lifecycle: AccountLifecycle | null;
	plan: Plan | null;
	arr: number | null;
}

export interface ContactRecord {
	externalId: string | null;
	firstName: string | null;
	lastName: string | null;
	/** Normalized (see normalizeEmail). */
	email: string | null;
	title: string | null;
	lifecycle: ContactLifecycle | null;
	account: AccountRef | null;
}

export interface DealRecord {
	externalId: string | null;
	name: string | null;
	stage: DealStage | null;
	amount: number | null;
	/** `YYYY-MM-DD`. */
	openedOn: string | null;
	closeOn: string | null;
	account: AccountRef | null;
}

export interface ContactRef {
	externalId: string | null;
	email: string | null;
}

export interface ActivityRecord {
	externalId: string | null;
	type: ActivityType;
	/** ISO timestamp. */
	occurredAt: string;
	/** The type's usual department when null. */
	department: Department | null;
	account: AccountRef | null;
	contact: ContactRef | null;
	properties: Record<string, unknown>;
}

export type ImportRecord = AccountRecord | ContactRecord | DealRecord | ActivityRecord;

export const hasAccountRef = (ref: AccountRef | null): ref is AccountRef => !!ref && !!(ref.externalId || ref.domain || ref.name);
