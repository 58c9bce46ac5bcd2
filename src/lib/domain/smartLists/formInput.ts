import type { SmartListInput } from './definition';

/** What a list form sends, as the definition's input (checkbox groups arrive as repeated names). */
export function smartListFromForm(form: FormData): SmartListInput {
	const text = (name: string) => {
		const v = form.get(name);
		return typeof v === 'string' ? v : '';
	};
	const many = (name: string) => form.getAll(name).filter((v): v is string => typeof v === 'string' && v !== '');
	return {
		name: text('name'),
		description: text('description'),
		rule: text('rule'),
		filters: {
			lifecycle: many('lifecycle') as never,
			plan: many('plan') as never,
			size: many('size') as never,
			ownerId: text('ownerId') || null,
			industry: text('industry') || null
		}
	};
}
