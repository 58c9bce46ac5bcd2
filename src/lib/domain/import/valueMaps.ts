import type { ImportEntity, ImportField } from './fields';
import { ACTIVITY_TYPE_INFO, ACTIVITY_TYPES } from '../crm/activityTypes';
import { COMPANY_SIZES, DEPARTMENT_LABELS, DEAL_STAGE_LABELS, CONTACT_LIFECYCLE_LABELS } from '../crm/vocabulary';
import { parseNumber } from './numbers';

/** Comparable form of a value: "Closed Won", "closed_won" and "closedwon" match. */
export function valueKey(value: string): string {
	return value.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/**
 * What other CRMs' exports call our values, per entity and field (keys already in valueKey form).
 * HubSpot exports internal names (`marketingqualifiedlead`, `appointmentscheduled`) or labels;
 * both reduce to the same key.
 */
const SYNONYMS: Partial<Record<ImportEntity, Record<string, Record<string, string>>>> = {
	contacts: {
		lifecycle: {
			marketingqualifiedlead: 'mql',
			salesqualifiedlead: 'sql',
			evangelist: 'customer',
			newsletter: 'subscriber'
		}
	},
	accounts: {
		lifecycle: {
			subscriber: 'lead',
			marketingqualifiedlead: 'lead',
			mql: 'lead',
			salesqualifiedlead: 'prospect',
			sql: 'prospect',
			opportunity: 'prospect',
			evangelist: 'customer',
			customerdirect: 'customer',
			customerchannel: 'customer',
			formercustomer: 'churned',
			churnedcustomer: 'churned',
			churn: 'churned'
		},
		plan: { professional: 'pro', basic: 'starter', trial: 'free' }
	},
	deals: {
		stage: {
			appointmentscheduled: 'discovery',
			prospecting: 'discovery',
			leadin: 'discovery',
			new: 'discovery',
			qualifiedtobuy: 'qualification',
			needsanalysis: 'qualification',
			contactmade: 'qualification',
			demoscheduled: 'qualification',
			presentationscheduled: 'proposal',
			valueproposition: 'proposal',
			iddecisionmakers: 'proposal',
			perceptionanalysis: 'proposal',
			proposalpricequote: 'proposal',
			proposalmade: 'proposal',
			decisionmakerboughtin: 'negotiation',
			contractsent: 'negotiation',
			negotiationreview: 'negotiation',
			negotiationsstarted: 'negotiation',
			won: 'closed_won',
			lost: 'closed_lost'
		}
	},
	activities: {
		type: {
			call: 'call_logged',
			phonecall: 'call_logged',
			email: 'email_sent',
			outgoingemail: 'email_sent',
			incomingemail: 'email_replied',
			emailreply: 'email_replied',
			emailopen: 'email_opened',
			emailclick: 'email_clicked',
			meeting: 'meeting_held',
			event: 'meeting_held',
			pageview: 'web_visit',
			visit: 'web_visit',
			formsubmission: 'form_submitted',
			form: 'form_submitted',
			webinar: 'webinar_attended',
			demo: 'demo_requested',
			ticket: 'ticket_opened',
			login: 'product_login'
		}
	}
};

const LABELS: Record<string, Record<string, string>> = {
	stage: DEAL_STAGE_LABELS,
	department: DEPARTMENT_LABELS,
	type: Object.fromEntries(ACTIVITY_TYPES.map((t) => [t, ACTIVITY_TYPE_INFO[t].label])),
	lifecycle: CONTACT_LIFECYCLE_LABELS
};

/** A headcount ("250", "1,200") -> our size band. */
function sizeBand(text: string): string | null {
	const n = parseNumber(text);
	if (n === null || n < 0) return null;
	if (n <= 10) return '1-10';
	if (n <= 50) return '11-50';
	if (n <= 200) return '51-200';
	if (n <= 1000) return '201-1000';
	return '1000+';
}

/** The admin's choices: field key -> raw value (as in the file, trimmed) -> our value. */
export type ValueMaps = Record<string, Record<string, string>>;

/**
 * Our value for a cell of a choice field, or null when we cannot tell: the admin's value map
 * first, then our own values and labels, then the names other CRMs use.
 */
export function resolveChoice(entity: ImportEntity, field: ImportField, raw: string, maps?: ValueMaps): string | null {
	const text = raw.trim();
	const chosen = maps?.[field.key]?.[text];
	if (chosen && field.choices?.includes(chosen)) return chosen;
	const key = valueKey(text);
	for (const choice of field.choices ?? []) {
		if (valueKey(choice) === key) return choice;
		const label = LABELS[field.key]?.[choice];
		if (label && valueKey(label) === key) return choice;
	}
	const synonym = SYNONYMS[entity]?.[field.key]?.[key];
	if (synonym && field.choices?.includes(synonym)) return synonym;
	if (field.choices === COMPANY_SIZES) return sizeBand(text);
	return null;
}
