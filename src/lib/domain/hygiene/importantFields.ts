/**
 * The fields a record must have (required: the forms insist, but imports and the API can leave
 * them blank) and those it should have to be useful (important). The hygiene page lists records
 * missing any of them; `column` is the table column the check reads.
 */
export interface FieldCheck {
	key: string;
	column: string;
	label: string;
	required: boolean;
}

export const IMPORTANT_FIELDS = {
	contact: [
		{ key: 'firstName', column: 'first_name', label: 'First name', required: true },
		{ key: 'email', column: 'email', label: 'Email', required: false },
		{ key: 'accountId', column: 'account_id', label: 'Account', required: false },
		{ key: 'title', column: 'title', label: 'Title', required: false }
	],
	account: [
		{ key: 'name', column: 'name', label: 'Name', required: true },
		{ key: 'domain', column: 'domain', label: 'Domain', required: false },
		{ key: 'industry', column: 'industry', label: 'Industry', required: false },
		{ key: 'size', column: 'size', label: 'Size', required: false },
		{ key: 'ownerId', column: 'owner_id', label: 'Owner', required: false }
	],
	/** Open deals only: a won or lost deal is history. */
	deal: [
		{ key: 'name', column: 'name', label: 'Name', required: true },
		{ key: 'closeOn', column: 'close_on', label: 'Expected close date', required: false },
		{ key: 'ownerId', column: 'owner_id', label: 'Owner', required: false }
	]
} as const satisfies Record<string, readonly FieldCheck[]>;

export type FieldCheckKind = keyof typeof IMPORTANT_FIELDS;

/** "Email, Title" from the keys a query found missing, required fields marked. */
export function describeMissing(kind: FieldCheckKind, keys: readonly string[]): string {
	return IMPORTANT_FIELDS[kind]
		.filter((f) => keys.includes(f.key))
		.map((f) => (f.required ? `${f.label} (required)` : f.label))
		.join(', ');
}
