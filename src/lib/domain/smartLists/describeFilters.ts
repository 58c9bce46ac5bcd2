import type { SmartListFilters } from './definition';

const anyOf = (values: readonly string[]) => values.join(' or ');

/** The filters in words, e.g. ["Stage: lead or prospect", "Owner: Ann Lee"]; owner names by user id. */
export function describeFilters(f: SmartListFilters, ownerNames: ReadonlyMap<string, string>): string[] {
	const parts: string[] = [];
	if (f.lifecycle.length) parts.push(`Stage: ${anyOf(f.lifecycle)}`);
	if (f.plan.length) parts.push(`Plan: ${anyOf(f.plan)}`);
	if (f.size.length) parts.push(`Size: ${anyOf(f.size)} employees`);
	if (f.ownerId) parts.push(`Owner: ${ownerNames.get(f.ownerId) ?? 'a former member'}`);
	if (f.industry) parts.push(`Industry: ${f.industry}`);
	return parts;
}
