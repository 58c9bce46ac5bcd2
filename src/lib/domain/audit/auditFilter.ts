import { z } from 'zod';
import { AUDIT_ACTIONS } from './auditActions';
import { isCalendarDay, YEAR_RANGE } from '../calendarDate';

const day = (what: string) =>
	z
		.string()
		.optional()
		.transform((v) => v || undefined)
		.refine((v) => v === undefined || isCalendarDay(v), `Enter the ${what} as a real date ${YEAR_RANGE} (YYYY-MM-DD).`);

/** The audit log's filter as it comes from the URL: action, actor, a period of whole days, page. */
export const auditFilterInput = z
	.object({
		action: z
			.string()
			.optional()
			.transform((v) => v || undefined)
			.refine((v) => v === undefined || (AUDIT_ACTIONS as readonly string[]).includes(v), 'Choose an action from the list.'),
		actor: z
			.string()
			.optional()
			.transform((v) => v || undefined)
			.refine((v) => v === undefined || z.uuid().safeParse(v).success, 'Choose a person from the list.'),
		from: day('first day'),
		to: day('last day'),
		page: z.coerce.number().int().min(1).catch(1)
	})
	.refine((f) => !f.from || !f.to || f.from <= f.to, { path: ['to'], message: 'The last day cannot be before the first day.' });

/** The period as instants: from the start of `from` to the end of `to` (UTC days). */
export function periodOf(filter: { from?: string; to?: string }): { from?: Date; to?: Date } {
	return {
		from: filter.from ? new Date(`${filter.from}T00:00:00Z`) : undefined,
		to: filter.to ? new Date(Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000) : undefined
	};
}
