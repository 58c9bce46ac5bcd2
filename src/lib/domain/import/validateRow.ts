import { IMPORT_FIELDS, NEEDS_ACCOUNT, type ImportField } from './fields';
import type { ImportPlan } from './plan';
import { isValidDomain, isValidEmail, normalizeDomain, normalizeEmail } from './normalize';
import { DATE_FORMAT_LABELS, parseDate } from './dates';
import { parseMoney } from './numbers';
import { resolveChoice } from './valueMaps';
import type { AccountRecord, AccountRef, ActivityRecord, ContactRecord, DealRecord, ImportRecord } from './records';
import type { ActivityType } from '../crm/activityTypes';
import type { DealStage, Department } from '../crm/vocabulary';
import { YEAR_RANGE } from '../calendarDate';

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
	return rowValidator(plan)(cells);
}

/** A field as one plan reads it: its column (-1 when unmapped) and the name to blame in issues. */
interface PlannedField {
	field: ImportField;
	column: number;
	columnName: string;
	/** Choice cells repeat (stages, types): each distinct cell is read once. */
	memo: Map<string, unknown> | null;
}

/** Remembered distinct cells per choice field; past it the memo starts over, so memory stays flat. */
const MEMO_LIMIT = 1000;

class Refusal {
	constructor(readonly reason: string) {}
}

/**
 * validateRow for many rows of one plan: the plan is read once, and a row allocates little
 * beyond its record (the import calls it for every row of a file of any size).
 */
export function rowValidator(plan: ImportPlan): (cells: string[]) => RowResult {
	const fields: PlannedField[] = IMPORT_FIELDS[plan.entity].map((field) => {
		const column = plan.mapping[field.key] ?? -1;
		return {
			field,
			column,
			columnName: plan.headers[plan.mapping[field.key]] ?? field.label,
			memo: field.kind === 'choice' ? new Map() : null
		};
	});
	const needsAccount = NEEDS_ACCOUNT[plan.entity];
	return (cells) => {
		let issues: RowIssue[] | null = null;
		const values: Record<string, unknown> = {};
		for (const f of fields) {
			const { field } = f;
			const cell = f.column >= 0 ? cells[f.column] : undefined;
			let raw = cell === undefined ? '' : cell.trim();
			// A leading apostrophe before = + - @ is our own export's formula guard: read the value behind it.
			if (raw.charCodeAt(0) === 39) raw = raw.replace(/^'(?=[=+\-@\t\r])/, '');
			if (raw === '') {
				if (field.required) (issues ??= []).push({ column: f.columnName, reason: `is empty; every ${entityOne(plan)} needs ${field.label.toLowerCase()}` });
				values[field.key] = null;
				continue;
			}
			let parsed = f.memo?.get(raw);
			if (parsed === undefined && f.memo) {
				if (f.memo.size >= MEMO_LIMIT) f.memo.clear();
				// A cell is a slice of the file chunk it came from: the memo keeps a copy, not the chunk.
				const copy = JSON.parse(JSON.stringify(raw)) as string;
				parsed = readCell(plan, field, copy);
				f.memo.set(copy, parsed);
			} else if (parsed === undefined) parsed = readCell(plan, field, raw);
			if (parsed instanceof Refusal) (issues ??= []).push({ column: f.columnName, reason: parsed.reason });
			else values[field.key] = parsed;
		}
		if (issues === null) {
			if (needsAccount && !values.accountExternalId && !values.accountDomain && !values.accountName) {
				const ref = ['accountExternalId', 'accountDomain', 'accountName'].find((k) => (plan.mapping[k] ?? -1) >= 0);
				(issues ??= []).push({ column: ref ? fields.find((f) => f.field.key === ref)!.columnName : 'Account', reason: `is empty; every ${entityOne(plan)} belongs to an account` });
			}
			if (plan.entity === 'deals' && values.openedOn && values.closeOn && (values.closeOn as string) < (values.openedOn as string)) {
				(issues ??= []).push({ column: fields.find((f) => f.field.key === 'closeOn')!.columnName, reason: `${values.closeOn} is before the date the deal opened (${values.openedOn})` });
			}
		}
		if (issues !== null) return { ok: false, issues };
		return { ok: true, record: toRecord(plan, values) };
	};
}

const entityOne = (plan: ImportPlan) => ({ accounts: 'account', contacts: 'contact', deals: 'deal', activities: 'activity' })[plan.entity];

/** The cell's value, or a Refusal saying why it has none. */
function readCell(plan: ImportPlan, field: ImportField, raw: string): unknown {
	switch (field.kind) {
		case 'text':
			return field.max && raw.length > field.max ? new Refusal(`has ${raw.length} characters; keep it to ${field.max}`) : raw;
		case 'email': {
			const email = normalizeEmail(raw)!;
			return isValidEmail(email) ? email : new Refusal(`${quote(raw)} is not an email address (expected name@company.com)`);
		}
		case 'domain': {
			const domain = normalizeDomain(raw);
			return domain && isValidDomain(domain) ? domain : new Refusal(`${quote(raw)} is not a web domain (expected acme.com)`);
		}
		case 'date':
		case 'datetime': {
			const format = plan.dateFormats[field.key] ?? 'iso';
			const parsed = parseDate(raw, format);
			if (!parsed) return new Refusal(`${quote(raw)} is not a real date ${YEAR_RANGE} in the format ${DATE_FORMAT_LABELS[format]}`);
			return field.kind === 'date' ? parsed.date : parsed.at;
		}
		case 'money': {
			const money = parseMoney(raw);
			return money.ok ? money.value : new Refusal(money.reason);
		}
		case 'choice': {
			const value = resolveChoice(plan.entity, field, raw, plan.valueMaps);
			return value ?? new Refusal(`${quote(raw)} is not a ${field.label.toLowerCase()} we know; map it to one of ours (${field.choices!.join(', ')}) under "Values"`);
		}
	}
}

function accountRef(v: Record<string, unknown>): AccountRef | null {
	const ref = { externalId: (v.accountExternalId as string) ?? null, domain: (v.accountDomain as string) ?? null, name: (v.accountName as string) ?? null };
	return ref.externalId || ref.domain || ref.name ? ref : null;
}

const str = (v: Record<string, unknown>, key: string) => (v[key] as string | null) ?? null;

function toRecord(plan: ImportPlan, v: Record<string, unknown>): ImportRecord {
	switch (plan.entity) {
		case 'accounts':
			return {
				externalId: str(v, 'externalId'),
				name: str(v, 'name'),
				domain: str(v, 'domain'),
				industry: str(v, 'industry'),
				size: str(v, 'size'),
				lifecycle: str(v, 'lifecycle'),
				plan: str(v, 'plan'),
				arr: (v.arr as number | null) ?? null
			} as AccountRecord;
		case 'contacts':
			return {
				externalId: str(v, 'externalId'),
				firstName: str(v, 'firstName'),
				lastName: str(v, 'lastName'),
				email: str(v, 'email'),
				title: str(v, 'title'),
				lifecycle: str(v, 'lifecycle'),
				account: accountRef(v)
			} as ContactRecord;
		case 'deals':
			return {
				externalId: str(v, 'externalId'),
				name: str(v, 'name'),
				stage: str(v, 'stage') as DealStage,
				amount: (v.amount as number | null) ?? null,
				openedOn: str(v, 'openedOn'),
				closeOn: str(v, 'closeOn'),
				account: accountRef(v)
			} satisfies DealRecord;
		case 'activities': {
			const properties: Record<string, unknown> = {};
			if (v.subject) properties.subject = v.subject;
			if (v.details) properties.details = v.details;
			const contact = v.contactExternalId || v.contactEmail ? { externalId: str(v, 'contactExternalId'), email: str(v, 'contactEmail') } : null;
			return {
				externalId: str(v, 'externalId'),
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
