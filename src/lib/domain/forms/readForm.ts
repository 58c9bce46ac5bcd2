import type { z } from 'zod';
import './plainMessages';

export type FieldErrors = Record<string, string>;

export type FormResult<T> =
	| { ok: true; data: T }
	| { ok: false; errors: FieldErrors; values: Record<string, string> };

/** Reads a form through its schema: the data, or one plain-words message per field plus what was typed. */
export function readForm<S extends z.ZodType>(schema: S, form: FormData): FormResult<z.output<S>> {
	const raw: Record<string, string> = {};
	for (const [key, value] of form.entries()) {
		if (typeof value === 'string') raw[key] = value;
	}
	const parsed = schema.safeParse(raw);
	if (parsed.success) return { ok: true, data: parsed.data };
	const errors: FieldErrors = {};
	for (const issue of parsed.error.issues) {
		const field = String(issue.path[0] ?? 'form');
		errors[field] ??= issue.message;
	}
	// Never echo passwords back into the page.
	const values = Object.fromEntries(Object.entries(raw).filter(([k]) => !/password/i.test(k)));
	return { ok: false, errors, values };
}
