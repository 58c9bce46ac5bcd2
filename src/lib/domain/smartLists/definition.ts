/**
 * A smart list's definition: attribute filters on the account (named after the account's columns)
 * and an optional rule in the signal rule language. Members are the accounts that pass every
 * filter AND, when there is a rule, for which the rule holds now.
 */
import { z } from 'zod';
import { ACCOUNT_LIFECYCLES, COMPANY_SIZES, PLANS } from '../crm/vocabulary';
import { parseRule } from '../signals/parseRule';
import type { Rule } from '../signals/rule';

export const smartListFilters = z.object({
	/** Any of these stages (none: any stage). */
	lifecycle: z.array(z.enum(ACCOUNT_LIFECYCLES, { error: 'Choose lifecycle stages from the list.' })).default([]),
	/** Any of these plans. */
	plan: z.array(z.enum(PLANS, { error: 'Choose plans from the list.' })).default([]),
	/** Any of these company sizes. */
	size: z.array(z.enum(COMPANY_SIZES, { error: 'Choose company sizes from the list.' })).default([]),
	/** This owner's accounts only. */
	ownerId: z.uuid('Choose an owner from the list.').nullable().default(null),
	/** Industry, ignoring case (e.g. "software" matches "Software"). */
	industry: z.string().trim().max(80, 'Keep the industry under 80 characters.').nullable().default(null).transform((v) => v || null)
});
export type SmartListFilters = z.output<typeof smartListFilters>;

export const smartListInput = z.object({
	name: z.string({ error: 'Enter a name for the list.' }).trim().min(1, 'Enter a name for the list.').max(120, 'Keep the name under 120 characters.'),
	description: z.string().trim().max(500, 'Keep the description under 500 characters.').default(''),
	rule: z
		.string()
		.max(4000, 'Keep the rule under 4,000 characters.')
		.nullable()
		.default(null)
		.transform((v) => (v && v.trim() ? v.trim() : null)),
	filters: smartListFilters.default({ lifecycle: [], plan: [], size: [], ownerId: null, industry: null })
});
export type SmartListInput = z.input<typeof smartListInput>;

export interface SmartListDefinition {
	name: string;
	description: string;
	/** The rule text as written; null: filters only. */
	ruleText: string | null;
	rule: Rule | null;
	filters: SmartListFilters;
}

/** Field name ("name", "rule", "filters.plan", or "form" for the whole) -> what to fix. */
export type DefinitionErrors = Record<string, string>;

export type ParseDefinitionResult = { ok: true; definition: SmartListDefinition } | { ok: false; errors: DefinitionErrors };

export const hasFilters = (f: SmartListFilters) => f.lifecycle.length + f.plan.length + f.size.length > 0 || f.ownerId !== null || f.industry !== null;

/**
 * Checks a list definition from a form, the API or the demo seed. Rule problems come back with the
 * rule language's own message (line, column, what was expected), like a playbook signal's rule.
 */
export function parseSmartListDefinition(input: unknown): ParseDefinitionResult {
	const parsed = smartListInput.safeParse(input);
	if (!parsed.success) {
		const errors: DefinitionErrors = {};
		for (const issue of parsed.error.issues) {
			const field = issue.path.length ? issue.path.slice(0, 2).join('.') : 'form';
			errors[field] ??= issue.message;
		}
		return { ok: false, errors };
	}
	const { name, description, rule: ruleText, filters } = parsed.data;
	let rule: Rule | null = null;
	if (ruleText !== null) {
		const result = parseRule(ruleText);
		if (!result.ok) return { ok: false, errors: { rule: `The rule could not be read. ${result.error.message}` } };
		rule = result.rule;
	}
	if (rule === null && !hasFilters(filters)) {
		return { ok: false, errors: { form: 'Add a rule or at least one filter: a list without either would hold every account.' } };
	}
	return { ok: true, definition: { name, description, ruleText, rule, filters } };
}

/** Who entered a list (in `after`, not `before`) and who left it (the other way), each sorted. */
export function diffMembers(before: readonly string[], after: readonly string[]): { entered: string[]; left: string[] } {
	const was = new Set(before);
	const is = new Set(after);
	return {
		entered: [...is].filter((id) => !was.has(id)).sort(),
		left: [...was].filter((id) => !is.has(id)).sort()
	};
}
