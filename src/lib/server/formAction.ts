import { fail, type ActionFailure } from '@sveltejs/kit';
import type { z } from 'zod';
import { readForm, type FieldErrors } from '../domain/forms/readForm';
import { InvalidReferenceError } from './references';

export type FormFailure = ActionFailure<{ errors: FieldErrors; values: Record<string, string> }>;

/**
 * The write path of every CRM form: parse with the input's schema, then save. Invalid input and
 * references outside the workspace come back as field errors (400) with what the user typed.
 */
export async function handleForm<S extends z.ZodType, R>(
	request: Request,
	schema: S,
	save: (data: z.output<S>) => Promise<R>
): Promise<{ ok: true; result: R } | { ok: false; failure: FormFailure }> {
	const formData = await request.formData();
	const form = readForm(schema, formData);
	if (!form.ok) return { ok: false, failure: fail(400, { errors: form.errors, values: form.values }) };
	try {
		return { ok: true, result: await save(form.data) };
	} catch (e) {
		if (!(e instanceof InvalidReferenceError)) throw e;
		const values = Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === 'string')) as Record<string, string>;
		return { ok: false, failure: fail(400, { errors: { [e.field]: e.message }, values }) };
	}
}
