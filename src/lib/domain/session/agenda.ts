/**
 * A session's agenda: timeboxed items, each optionally running an exercise on some accounts.
 * The edit helpers are pure and return either the new agenda or a message saying what to fix.
 */
import { z } from 'zod';
import { EXERCISES, LIMITS, type Exercise } from './vocabulary';

export interface AgendaItem {
	/** Unique within the agenda; the UI makes new ones with crypto.randomUUID(). */
	id: string;
	title: string;
	plannedMinutes: number;
	exercise: Exercise | null;
	accountIds: string[];
}

export type AgendaEdit = { ok: true; agenda: AgendaItem[] } | { ok: false; message: string };

const { min: MIN_MINUTES, max: MAX_MINUTES } = LIMITS.itemMinutes;

export const agendaItemIdSchema = z
	.string({ error: 'Each agenda item needs an id.' })
	.regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/, 'An agenda item id is letters, digits and hyphens, up to 40 characters.');

export const agendaItemSchema = z.strictObject({
	id: agendaItemIdSchema,
	title: z
		.string({ error: 'Give the agenda item a title.' })
		.trim()
		.min(1, 'Give the agenda item a title.')
		.max(LIMITS.itemTitle, `Keep an agenda item title to ${LIMITS.itemTitle} characters or fewer.`),
	plannedMinutes: z
		.number({ error: 'Plan the item in whole minutes.' })
		.int('Plan the item in whole minutes.')
		.min(MIN_MINUTES, `An agenda item lasts at least ${MIN_MINUTES} minute.`)
		.max(MAX_MINUTES, `An agenda item lasts at most ${MAX_MINUTES} minutes; split longer ones.`),
	exercise: z.enum(EXERCISES, { error: 'Choose an exercise from the list, or none.' }).nullish().transform((v) => v ?? null),
	accountIds: z
		.array(z.uuid('Choose the accounts from the list.'))
		.max(LIMITS.itemAccounts, `An agenda item works on at most ${LIMITS.itemAccounts} accounts.`)
		.refine((ids) => new Set(ids).size === ids.length, 'An account is listed twice on the same agenda item.')
		.default([])
});

export const agendaSchema = z
	.array(agendaItemSchema)
	.min(1, 'The agenda needs at least one item.')
	.max(LIMITS.agendaItems, `An agenda holds at most ${LIMITS.agendaItems} items.`)
	.refine((items) => new Set(items.map((i) => i.id)).size === items.length, 'Two agenda items share the same id.');

/** The standard agenda's trend review item's title. */
export const TREND_REVIEW_TITLE = 'Wins, losses, churn and renewals in one segment';

/** The standard practice session: 80 minutes from objective to action plan. */
export function defaultAgenda(): AgendaItem[] {
	const item = (id: string, title: string, plannedMinutes: number, exercise: Exercise | null = null): AgendaItem => ({
		id,
		title,
		plannedMinutes,
		exercise,
		accountIds: []
	});
	return [
		item('objective', 'Why we are here: the objective', 5),
		item('journey', 'Walk a customer journey together', 20, 'timeline-walkthrough'),
		item('signals', 'What each team saw, and what we missed', 20),
		item('trends', TREND_REVIEW_TITLE, 15),
		item('actions', 'Insights, follow-ups and playbook changes', 20)
	];
}

/**
 * The standard agenda's trend review (kept by the planner, who may have re-made its id) or an item
 * named after a trend review: it links to the trend review page.
 */
export function isTrendReviewItem(item: Pick<AgendaItem, 'id' | 'title'>): boolean {
	return item.id === 'trends' || item.title.trim() === TREND_REVIEW_TITLE || /\btrends?\b/i.test(item.title);
}

export function totalPlannedMinutes(agenda: readonly AgendaItem[]): number {
	return agenda.reduce((sum, item) => sum + item.plannedMinutes, 0);
}

/** Adds `item` at `atIndex` (default: the end), after checking it like the plan schema does. */
export function addAgendaItem(agenda: readonly AgendaItem[], item: AgendaItem, atIndex = agenda.length): AgendaEdit {
	if (agenda.length >= LIMITS.agendaItems) {
		return fail(`An agenda holds at most ${LIMITS.agendaItems} items; remove one before adding another.`);
	}
	const parsed = agendaItemSchema.safeParse(item);
	if (!parsed.success) return fail(parsed.error.issues[0].message);
	if (agenda.some((i) => i.id === parsed.data.id)) return fail('Two agenda items share the same id.');
	const at = clampIndex(atIndex, agenda.length);
	return done([...agenda.slice(0, at), parsed.data, ...agenda.slice(at)]);
}

export function removeAgendaItem(agenda: readonly AgendaItem[], itemId: string): AgendaEdit {
	const index = agenda.findIndex((i) => i.id === itemId);
	if (index < 0) return fail('That agenda item is no longer on the agenda.');
	if (agenda.length === 1) return fail('The agenda needs at least one item; add another before removing this one.');
	return done(agenda.filter((i) => i.id !== itemId));
}

/** Moves an item so it ends up at `toIndex` (clamped to the agenda). */
export function moveAgendaItem(agenda: readonly AgendaItem[], itemId: string, toIndex: number): AgendaEdit {
	const index = agenda.findIndex((i) => i.id === itemId);
	if (index < 0) return fail('That agenda item is no longer on the agenda.');
	if (!Number.isInteger(toIndex)) return fail('Say where to move the item as a position in the list.');
	const rest = agenda.filter((i) => i.id !== itemId);
	const at = clampIndex(toIndex, rest.length);
	return done([...rest.slice(0, at), agenda[index], ...rest.slice(at)]);
}

export function retimeAgendaItem(agenda: readonly AgendaItem[], itemId: string, plannedMinutes: number): AgendaEdit {
	return editAgendaItem(agenda, itemId, { plannedMinutes });
}

/** Changes the title, minutes, exercise or accounts of one item; the id stays. */
export function editAgendaItem(
	agenda: readonly AgendaItem[],
	itemId: string,
	changes: Partial<Omit<AgendaItem, 'id'>>
): AgendaEdit {
	const index = agenda.findIndex((i) => i.id === itemId);
	if (index < 0) return fail('That agenda item is no longer on the agenda.');
	const parsed = agendaItemSchema.safeParse({ ...agenda[index], ...changes, id: itemId });
	if (!parsed.success) return fail(parsed.error.issues[0].message);
	return done(agenda.map((item, i) => (i === index ? parsed.data : item)));
}

function clampIndex(index: number, length: number): number {
	if (!Number.isFinite(index)) return length;
	return Math.max(0, Math.min(length, Math.trunc(index)));
}

function done(agenda: AgendaItem[]): AgendaEdit {
	return { ok: true, agenda };
}

function fail(message: string): AgendaEdit {
	return { ok: false, message };
}
