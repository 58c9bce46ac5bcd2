import type { ImportEntity } from './fields';
import { IMPORT_FIELDS } from './fields';

export const PRESETS = ['hubspot', 'salesforce', 'pipedrive', 'generic'] as const;
export type Preset = (typeof PRESETS)[number];

export const PRESET_LABELS: Record<Preset, string> = {
	hubspot: 'HubSpot export',
	salesforce: 'Salesforce data export',
	pipedrive: 'Pipedrive export',
	generic: 'Generic CSV'
};

type Aliases = Partial<Record<string, string[]>>;

/** Column names each CRM's export uses for our fields (compared ignoring case, spaces and punctuation). */
const ALIASES: Record<Preset, Record<ImportEntity, Aliases>> = {
	hubspot: {
		accounts: {
			externalId: ['Record ID', 'Company ID'],
			name: ['Company name', 'Name'],
			domain: ['Company Domain Name', 'Website URL'],
			industry: ['Industry'],
			size: ['Number of Employees'],
			lifecycle: ['Lifecycle Stage'],
			arr: ['Annual Recurring Revenue']
		},
		contacts: {
			externalId: ['Record ID', 'Contact ID'],
			firstName: ['First Name'],
			lastName: ['Last Name'],
			email: ['Email'],
			title: ['Job Title'],
			lifecycle: ['Lifecycle Stage'],
			accountExternalId: ['Associated Company ID', 'Associated Company IDs (Primary)'],
			accountDomain: ['Company Domain Name'],
			accountName: ['Company Name', 'Associated Company']
		},
		deals: {
			externalId: ['Record ID', 'Deal ID'],
			name: ['Deal Name'],
			stage: ['Deal Stage'],
			amount: ['Amount'],
			openedOn: ['Create Date'],
			closeOn: ['Close Date'],
			accountExternalId: ['Associated Company ID', 'Associated Company IDs (Primary)'],
			accountName: ['Associated Company', 'Company Name']
		},
		activities: {
			externalId: ['Record ID', 'Activity ID', 'Engagement ID'],
			type: ['Activity Type', 'Engagement Type'],
			occurredAt: ['Activity Date', 'Create Date'],
			subject: ['Subject', 'Title'],
			details: ['Body', 'Notes'],
			accountExternalId: ['Associated Company ID'],
			accountName: ['Associated Company'],
			contactExternalId: ['Associated Contact ID'],
			contactEmail: ['Associated Contact Email']
		}
	},
	salesforce: {
		accounts: {
			externalId: ['Id'],
			name: ['Name'],
			domain: ['Website'],
			industry: ['Industry'],
			size: ['NumberOfEmployees'],
			lifecycle: ['Type']
		},
		contacts: {
			externalId: ['Id'],
			firstName: ['FirstName'],
			lastName: ['LastName'],
			email: ['Email'],
			title: ['Title'],
			accountExternalId: ['AccountId']
		},
		deals: {
			externalId: ['Id'],
			name: ['Name'],
			stage: ['StageName'],
			amount: ['Amount'],
			openedOn: ['CreatedDate'],
			closeOn: ['CloseDate'],
			accountExternalId: ['AccountId']
		},
		activities: {
			externalId: ['Id'],
			type: ['Type', 'TaskSubtype', 'EventSubtype'],
			occurredAt: ['ActivityDateTime', 'ActivityDate', 'CreatedDate'],
			subject: ['Subject'],
			details: ['Description'],
			accountExternalId: ['AccountId'],
			contactExternalId: ['WhoId']
		}
	},
	pipedrive: {
		accounts: {
			externalId: ['Organization - ID', 'ID'],
			name: ['Organization - Name', 'Name'],
			domain: ['Organization - Website', 'Website']
		},
		contacts: {
			externalId: ['Person - ID', 'ID'],
			firstName: ['Person - First name', 'First name'],
			lastName: ['Person - Last name', 'Last name'],
			email: ['Person - Email', 'Person - Email - Work', 'Email'],
			title: ['Person - Job title', 'Job title'],
			accountName: ['Person - Organization', 'Organization']
		},
		deals: {
			externalId: ['Deal - ID'],
			name: ['Deal - Title'],
			stage: ['Deal - Stage'],
			amount: ['Deal - Value'],
			openedOn: ['Deal - Deal created'],
			closeOn: ['Deal - Expected close date', 'Deal - Won time'],
			accountName: ['Deal - Organization', 'Organization - Name']
		},
		activities: {
			externalId: ['Activity - ID'],
			type: ['Activity - Type'],
			occurredAt: ['Activity - Due date', 'Activity - Add time'],
			subject: ['Activity - Subject'],
			details: ['Activity - Note'],
			accountName: ['Activity - Organization', 'Organization - Name'],
			contactEmail: ['Person - Email']
		}
	},
	generic: {
		accounts: {
			externalId: ['external id', 'id', 'account id'],
			name: ['name', 'account name', 'company', 'company name', 'account'],
			domain: ['domain', 'website', 'url', 'web site'],
			industry: ['industry'],
			size: ['size', 'company size', 'employees'],
			lifecycle: ['lifecycle', 'lifecycle stage', 'stage', 'status'],
			plan: ['plan'],
			arr: ['arr', 'annual recurring revenue']
		},
		contacts: {
			externalId: ['external id', 'id', 'contact id'],
			firstName: ['first name', 'firstname', 'given name'],
			lastName: ['last name', 'lastname', 'surname', 'family name'],
			email: ['email', 'e-mail', 'email address'],
			title: ['title', 'job title'],
			lifecycle: ['lifecycle', 'lifecycle stage', 'stage'],
			accountExternalId: ['account external id', 'account id'],
			accountDomain: ['account domain', 'company domain', 'domain'],
			accountName: ['account', 'account name', 'company', 'company name']
		},
		deals: {
			externalId: ['external id', 'id', 'deal id'],
			name: ['name', 'deal name', 'deal', 'title'],
			stage: ['stage', 'deal stage'],
			amount: ['amount', 'value'],
			openedOn: ['opened on', 'created', 'create date', 'created date'],
			closeOn: ['close date', 'close on', 'closed', 'expected close date'],
			accountExternalId: ['account external id', 'account id'],
			accountDomain: ['account domain', 'domain'],
			accountName: ['account', 'account name', 'company']
		},
		activities: {
			externalId: ['external id', 'id', 'activity id'],
			type: ['type', 'activity type'],
			occurredAt: ['when', 'date', 'occurred at', 'timestamp', 'activity date'],
			subject: ['subject', 'title'],
			details: ['details', 'notes', 'description', 'body'],
			department: ['department'],
			accountExternalId: ['account external id', 'account id'],
			accountDomain: ['account domain', 'domain'],
			accountName: ['account', 'account name', 'company'],
			contactExternalId: ['contact external id', 'contact id'],
			contactEmail: ['contact email', 'email']
		}
	}
};

/** Column header -> comparable key: "Lifecycle Stage" and "lifecycle_stage" match. */
export function headerKey(header: string): string {
	return header.replace(/^\ufeff/, '').toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/** Which field takes which column: field key -> column index, or -1 when unmapped. */
export type ColumnMapping = Record<string, number>;

/** The preset's mapping for these headers: each field gets the first alias present (a column is used once). */
export function mapColumns(headers: string[], entity: ImportEntity, preset: Preset): ColumnMapping {
	const keys = headers.map(headerKey);
	const used = new Set<number>();
	const mapping: ColumnMapping = {};
	for (const field of IMPORT_FIELDS[entity]) {
		const aliases = [...(ALIASES[preset][entity][field.key] ?? [])];
		if (preset !== 'generic') aliases.push(field.label, field.key);
		let column = -1;
		for (const alias of aliases) {
			const at = keys.findIndex((k, i) => k === headerKey(alias) && !used.has(i));
			if (at >= 0) {
				column = at;
				break;
			}
		}
		if (column >= 0) used.add(column);
		mapping[field.key] = column;
	}
	return mapping;
}

/**
 * The preset whose column names fit the file best: the one mapping the most columns by its own
 * export names (aliases, not our labels); generic when no CRM's names fit better.
 */
export function detectPreset(headers: string[], entity: ImportEntity): Preset {
	const keys = new Set(headers.map(headerKey));
	let best: Preset = 'generic';
	let bestScore = 0;
	for (const preset of PRESETS) {
		if (preset === 'generic') continue;
		const aliases = ALIASES[preset][entity];
		let score = 0;
		for (const list of Object.values(aliases)) if (list?.some((a) => keys.has(headerKey(a)))) score++;
		// Names so plain that any CSV has them do not say which CRM it came from.
		const distinctive = Object.values(aliases).some((list) => list?.some((a) => keys.has(headerKey(a)) && !PLAIN.has(headerKey(a))));
		if (distinctive && score > bestScore) {
			best = preset;
			bestScore = score;
		}
	}
	return best;
}

const PLAIN = new Set(['id', 'name', 'email', 'title', 'type', 'industry', 'amount', 'subject', 'website', 'organization', 'firstname', 'lastname']);
