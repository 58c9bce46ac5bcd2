import {
	ACCOUNT_LIFECYCLES,
	COMPANY_SIZES,
	CONTACT_LIFECYCLES,
	DEAL_STAGES,
	DEPARTMENTS,
	PLANS
} from '../crm/vocabulary';
import { ACTIVITY_TYPES } from '../crm/activityTypes';

export const IMPORT_ENTITIES = ['accounts', 'contacts', 'deals', 'activities'] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];

export const ENTITY_LABELS: Record<ImportEntity, { one: string; many: string }> = {
	accounts: { one: 'account', many: 'Accounts' },
	contacts: { one: 'contact', many: 'Contacts' },
	deals: { one: 'deal', many: 'Deals' },
	activities: { one: 'activity', many: 'Activities' }
};

export type FieldKind = 'text' | 'email' | 'domain' | 'date' | 'datetime' | 'money' | 'choice';

export interface ImportField {
	key: string;
	label: string;
	kind: FieldKind;
	/** A row without it cannot be imported. */
	required?: boolean;
	choices?: readonly string[];
	max?: number;
	/** Fields that point at a parent record (an account, a contact). */
	reference?: 'account' | 'contact';
	help?: string;
}

const externalId: ImportField = {
	key: 'externalId',
	label: 'External id',
	kind: 'text',
	max: 100,
	help: 'The record id in the CRM the file comes from; a re-import updates the same record.'
};

const accountRefs: ImportField[] = [
	{ key: 'accountExternalId', label: 'Account external id', kind: 'text', max: 100, reference: 'account' },
	{ key: 'accountDomain', label: 'Account domain', kind: 'domain', reference: 'account' },
	{ key: 'accountName', label: 'Account name', kind: 'text', max: 200, reference: 'account' }
];

export const IMPORT_FIELDS: Record<ImportEntity, ImportField[]> = {
	accounts: [
		externalId,
		{ key: 'name', label: 'Name', kind: 'text', required: true, max: 200 },
		{ key: 'domain', label: 'Domain', kind: 'domain' },
		{ key: 'industry', label: 'Industry', kind: 'text', max: 80 },
		{ key: 'size', label: 'Company size', kind: 'choice', choices: COMPANY_SIZES },
		{ key: 'lifecycle', label: 'Lifecycle stage', kind: 'choice', choices: ACCOUNT_LIFECYCLES },
		{ key: 'plan', label: 'Plan', kind: 'choice', choices: PLANS },
		{ key: 'arr', label: 'ARR (USD)', kind: 'money' }
	],
	contacts: [
		externalId,
		{ key: 'firstName', label: 'First name', kind: 'text', required: true, max: 100 },
		{ key: 'lastName', label: 'Last name', kind: 'text', max: 100 },
		{ key: 'email', label: 'Email', kind: 'email' },
		{ key: 'title', label: 'Job title', kind: 'text', max: 120 },
		{ key: 'lifecycle', label: 'Lifecycle stage', kind: 'choice', choices: CONTACT_LIFECYCLES },
		...accountRefs
	],
	deals: [
		externalId,
		{ key: 'name', label: 'Deal name', kind: 'text', required: true, max: 200 },
		{ key: 'stage', label: 'Stage', kind: 'choice', choices: DEAL_STAGES, required: true },
		{ key: 'amount', label: 'Amount (USD)', kind: 'money' },
		{ key: 'openedOn', label: 'Opened on', kind: 'date', help: 'Today when empty.' },
		{ key: 'closeOn', label: 'Close date', kind: 'date' },
		...accountRefs
	],
	activities: [
		externalId,
		{ key: 'type', label: 'Activity type', kind: 'choice', choices: ACTIVITY_TYPES, required: true },
		{ key: 'occurredAt', label: 'When', kind: 'datetime', required: true },
		{ key: 'subject', label: 'Subject', kind: 'text', max: 500 },
		{ key: 'details', label: 'Details', kind: 'text', max: 5000 },
		{ key: 'department', label: 'Department', kind: 'choice', choices: DEPARTMENTS, help: "The type's usual department when empty." },
		...accountRefs,
		{ key: 'contactExternalId', label: 'Contact external id', kind: 'text', max: 100, reference: 'contact' },
		{ key: 'contactEmail', label: 'Contact email', kind: 'email', reference: 'contact' }
	]
};

/** Entities whose rows must name a parent account. */
export const NEEDS_ACCOUNT: Record<ImportEntity, boolean> = {
	accounts: false,
	contacts: false,
	deals: true,
	activities: true
};

export function isImportEntity(value: string): value is ImportEntity {
	return (IMPORT_ENTITIES as readonly string[]).includes(value);
}

export function fieldOf(entity: ImportEntity, key: string): ImportField | undefined {
	return IMPORT_FIELDS[entity].find((f) => f.key === key);
}
