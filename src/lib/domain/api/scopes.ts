import { z } from 'zod';
import { requiredText } from '../forms/fields';

/** What an API token may do. A token holds one or more; each endpoint needs exactly one. */
export const API_SCOPES = ['read', 'write', 'ingest'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const API_SCOPE_LABELS: Record<ApiScope, string> = {
	read: 'Read accounts, contacts, deals and timelines',
	write: 'Create and update accounts, contacts and deals',
	ingest: 'Send activities into timelines'
};

export function isApiScope(value: string): value is ApiScope {
	return (API_SCOPES as readonly string[]).includes(value);
}

export const RATE_LIMIT_CHOICES = [60, 600, 3000, 12000] as const;

/** The admin's "new token" form: a name, at least one scope and a rate limit. */
export const apiTokenInput = z.object({
	name: requiredText('a name for the token (what uses it, e.g. "Zendesk sync")', 80),
	scopes: z
		.array(z.enum(API_SCOPES, { error: 'Choose scopes from the list.' }), { error: 'Choose at least one scope.' })
		.min(1, 'Choose at least one scope.')
		.transform((v) => [...new Set(v)]),
	ratePerMinute: z.coerce
		.number({ error: 'Choose a rate limit.' })
		.refine((v) => (RATE_LIMIT_CHOICES as readonly number[]).includes(v), 'Choose a rate limit from the list.')
});
export type ApiTokenInput = z.output<typeof apiTokenInput>;
