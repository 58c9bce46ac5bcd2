/** What a case-study page reads from its address and its proposal form. */
import { z } from 'zod';
import { isUuid } from '../forms/isUuid';

/** Accounts picked on the page: `?accounts=a&accounts=b` or `?accounts=a,b`; unknown text is dropped. */
export function readPickedAccounts(params: URLSearchParams, max: number): string[] {
	const ids = params.getAll('accounts').flatMap((v) => v.split(',')).map((v) => v.trim()).filter(isUuid);
	return [...new Set(ids)].slice(0, max);
}

const text = (what: string, max: number) =>
	z
		.string({ error: `Write ${what}.` })
		.trim()
		.min(1, `Write ${what}.`)
		.max(max, `Keep ${what} to ${max} characters or fewer.`);

export const triggerProposalSchema = z.object({
	rule: text('the rule to propose', 2000),
	name: text('a name for the signal', 80),
	means: text('what the signal means', 500),
	action: text('what to do when it fires', 500),
	accounts: z.string().default(''),
	session: z
		.string()
		.default('')
		.transform((v) => (isUuid(v) ? v : null))
});
