import { fieldOf, IMPORT_FIELDS, NEEDS_ACCOUNT, type ImportField } from './fields';
import type { ImportPlan } from './plan';
import { isValidDomain, isValidEmail, normalizeDomain, normalizeEmail } from './normalize';
import { DATE_FORMAT_LABELS, parseDate } from './dates';
import { parseMoney } from './numbers';
import { resolveChoice } from './valueMaps';
import type { AccountRecord, AccountRef, ActivityRecord, ContactRecord, DealRecord, ImportRecord } from './records';
import type { ActivityType } from '../crm/activityTypes';
import type { DealStage, Department } from '../crm/vocabulary';

export interface RowIssue {
	/** The file's column header (or our field name when no column is mapped). */
	column: string;
	reason: string;
}

export type RowResult = { ok: true; record: ImportRecord } | { ok: false; issues: RowIssue[] };

const quote = (v: string) => `"${v.length > 60 ? `${v.slice(0, 57)}...` : v}"`;

/**
 * Turns one row's cells into a typed record, or says for each bad cell which column and why.
 * Empty cells are "not given". Checks that need the store (does the account exist?) come later.
 */
export function validateRow(cells: string[], plan: ImportPlan): RowResult {
	const issues: RowIssue[] = [];
	const values: Record<string, unknown> = {};
	const columnOf = (field: ImportField) => plan.headers[plan.mapping[field.key]] ?? field.label;
	for (const field of IMPORT_FIELDS[plan.entity]) {
		const column = plan.mapping[field.key] ?? -1;
		// A leading apostrophe before = + - @ is our own export's formula guard: read the value behind it.
		const raw = column >= 0 ? (cells[column] ?? '').trim().replace(/^'(?=[=+\-@\t\r])/, '') : '';
		if (raw === '') {
			if (field.required) issues.push({ column: columnOf(field), reason: `is empty; every ${entityOne(plan)} needs ${field.label.toLowerCase()}` });
			values[field.key] = null;
			continue;
		}
		const parsed = readCell(plan, field, raw);
		if ('reason' in parsed) issues.push({ column: columnOf(field), reason: parsed.reason });
		else values[field.key] = parsed.value;
	}
	if (issues.length === 0) {
		if (NEEDS_ACCOUNT[plan.entity] && !values.accountExternalId && !values.accountDomain && !values.accountName) {
			const ref = ['accountExternalId', 'accountDomain', 'accountName'].find((k) => (plan.mapping[k] ?? -1) >= 0);
			issues.push({ column: ref ? columnOf(fieldOf(plan.entity, ref)!) : 'Account', reason: `is empty; every ${entityOne(plan)} belongs to an account` });
		}
		if (plan.entity === 'deals' && values.openedOn && values.closeOn && (values.closeOn as string) < (values.openedOn as string)) {
			issues.push({ column: columnOf(fieldOf('deals', 'closeOn')!), reason: `${values.closeOn} is before the date the deal opened (${values.openedOn})` });
		}
	}
	if (issues.length > 0) return { ok: false, issues };
	return { ok: true, record: toRecord(plan, values) };
}

const entityOne = (plan: ImportPlan) => ({ accounts: 'account', contacts: 'contact', deals: 'deal', activities: 'activity' })[plan.entity];

function readCell(plan: ImportPlan, field: ImportField, raw: string): { value: unknown } | { reason: string } {
	switch (field.kind) {
		case 'text':
			return field.max && raw.length > field.max
				? { reason: `has ${raw.length} characters; keep it to ${field.max}` }
				: { value: raw };
		case 'email': {
			const email = normalizeEmail(raw)!;
			return isValidEmail(email) ? { value: email } : { reason: `${quote(raw)} is not an email address (expected name@company.com)` };
		}
		case 'domain': {
			const domain = normalizeDomain(raw);
			return domain && isValidDomain(domain) ? { value: domain } : { reason: `${quote(raw)} is not a web domain (expected acme.com)` };
		}
		case 'date':
		case 'datetime': {
			const format = plan.dateFormats[field.key] ?? 'iso';
			const parsed = parseDate(raw, format);
			if (!parsed) return { reason: `${quote(raw)} is not a date in the format ${DATE_FORMAT_LABELS[format]}` };
			return { value: field.kind === 'date' ? parsed.date : parsed.at };
		}
		case 'money': {
			const money = parseMoney(raw);
			return money.ok ? { value: money.value } : { reason: money.reason };
		}
		case 'choice': {
			const value = resolveChoice(plan.entity, field, raw, plan.valueMaps);
			return value
				? { value }
				: { reason: `${quote(raw)} is not a ${field.label.toLowerCase()} we know; map it to one of ours (${field.choices!.join(', ')}) under "Values"` };
		}
	}
}

function accountRef(v: Record<string, unknown>): AccountRef | null {
	const ref = { externalId: (v.accountExternalId as string) ?? null, domain: (v.accountDomain as string) ?? null, name: (v.accountName as string) ?? null };
	return ref.externalId || ref.domain || ref.name ? ref : null;
}

function toRecord(plan: ImportPlan, v: Record<string, unknown>): ImportRecord {
	const s = (k: string) => (v[k] as string | null) ?? null;
	switch (plan.entity) {
		case 'accounts':
			return {
				externalId: s('externalId'),
				name: s('name'),
				domain: s('domain'),
				industry: s('industry'),
				size: s('size'),
				lifecycle: s('lifecycle'),
				plan: s('plan'),
				arr: (v.arr as number | null) ?? null
			} as AccountRecord;
		case 'contacts':
			return {
				externalId: s('externalId'),
				firstName: s('firstName'),
				lastName: s('lastName'),
				email: s('email'),
				title: s('title'),
				lifecycle: s('lifecycle'),
				account: accountRef(v)
			} as ContactRecord;
		case 'deals':
			return {
				externalId: s('externalId'),
				name: s('name'),
				stage: s('stage') as DealStage,
				amount: (v.amount as number | null) ?? null,
				openedOn: s('openedOn'),
				closeOn: s('closeOn'),
				account: accountRef(v)
			} satisfies DealRecord;
		case 'activities': {
			const properties: Record<string, unknown> = {};
			if (v.subject) properties.subject = v.subject;
			if (v.details) properties.details = v.details;
			const contact = v.contactExternalId || v.contactEmail ? { externalId: s('contactExternalId'), email: s('contactEmail') } : null;
			return {
				externalId: s('externalId'),
				type: v.type as ActivityType,
				occurredAt: v.occurredAt as string,
				department: (v.department as Department | null) ?? null,
				account: accountRef(v),
				contact,
				properties
			} satisfies ActivityRecord;
		}
	}
}

/**
 * The keys that make two rows of one file the same record: external id for every entity, plus
 * email for contacts and normalized domain for accounts.
 */
export function duplicateKeys(entity: ImportPlan['entity'], record: ImportRecord): { key: string; label: string }[] {
	const keys: { key: string; label: string }[] = [];
	if (record.externalId) keys.push({ key: `x:${record.externalId}`, label: `external id ${record.externalId}` });
	if (entity === 'contacts' && (record as ContactRecord).email) {
		const email = (record as ContactRecord).email!;
		keys.push({ key: `e:${email}`, label: `email ${email}` });
	}
	if (entity === 'deals' && !record.externalId) {
		const d = record as DealRecord;
		keys.push({ key: `n:${refText(d.account)}\u0000${d.name}`, label: `deal name "${d.name}" on the same account` });
	}
	if (entity === 'activities' && !record.externalId) {
		const a = record as ActivityRecord;
		const contact = a.contact ? `${a.contact.externalId ?? ''}/${a.contact.email ?? ''}` : '';
		keys.push({ key: `a:${refText(a.account)}\u0000${a.type}\u0000${a.occurredAt}\u0000${contact}`, label: 'account, type, time and contact' });
	}
	if (entity === 'accounts' && (record as AccountRecord).domain) {
		const domain = (record as AccountRecord).domain!;
		keys.push({ key: `d:${domain}`, label: `domain ${domain}` });
	}
	return keys;
}

const refText = (ref: AccountRef | null) => (ref ? `${ref.externalId ?? ''}/${ref.domain ?? ''}/${ref.name ?? ''}` : '');
