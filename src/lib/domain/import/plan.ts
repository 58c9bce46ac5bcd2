import { IMPORT_FIELDS, NEEDS_ACCOUNT, type ImportEntity } from './fields';
import type { ColumnMapping } from './presets';
import type { DateFormat } from './dates';
import type { ValueMaps } from './valueMaps';

/** Everything that decides how a file's rows become records; chosen by the admin, kept with the job. */
export interface ImportPlan {
	entity: ImportEntity;
	headers: string[];
	mapping: ColumnMapping;
	/** Per date field. */
	dateFormats: Record<string, DateFormat>;
	valueMaps: ValueMaps;
}

/** Problems with the mapping itself, before any row is read, in plain words. */
export function checkPlan(plan: ImportPlan): string[] {
	const problems: string[] = [];
	const fields = IMPORT_FIELDS[plan.entity];
	const mapped = (key: string) => (plan.mapping[key] ?? -1) >= 0;
	for (const field of fields) {
		const column = plan.mapping[field.key] ?? -1;
		if (column >= plan.headers.length) problems.push(`${field.label} is mapped to a column the file does not have.`);
		if (field.required && !mapped(field.key)) problems.push(`Choose the column that holds ${field.label.toLowerCase()}: it is required.`);
	}
	if (NEEDS_ACCOUNT[plan.entity] && !['accountExternalId', 'accountDomain', 'accountName'].some(mapped)) {
		problems.push('Choose a column that names the account (its external id, domain or name): every row needs one.');
	}
	const byColumn = new Map<number, string[]>();
	for (const field of fields) {
		const column = plan.mapping[field.key] ?? -1;
		if (column >= 0) byColumn.set(column, [...(byColumn.get(column) ?? []), field.label]);
	}
	for (const [column, labels] of byColumn) {
		if (labels.length > 1 && !(labels.length === 2 && labels.includes('Account domain'))) {
			problems.push(`Column "${plan.headers[column]}" is mapped to ${labels.join(' and ')}; map it to one field.`);
		}
	}
	if (plan.entity === 'accounts' && !mapped('externalId') && !mapped('domain') && !mapped('name')) {
		problems.push('Map an external id, domain or name so rows can be matched.');
	}
	return problems;
}
