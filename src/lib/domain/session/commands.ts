/**
 * Every command a client may send in a live session, as one zod schema with plain-words messages.
 * Objects are strict: a client cannot slip in who it is, its department or a time; the server
 * takes those from the authenticated socket and its own clock.
 */
import { z } from 'zod';
import { KEBAB_CASE } from '../playbook/signalSchema';
import { agendaItemIdSchema } from './agenda';
import { LIMITS, POLARITIES, WIN_KINDS } from './vocabulary';
import { isCalendarDay, YEAR_RANGE } from '../calendarDate';

const uuid = (message: string) => z.uuid(message);
const text = (what: string, max: number) =>
	z
		.string({ error: `Write ${what}.` })
		.trim()
		.min(1, `Write ${what}.`)
		.max(max, `Keep ${what} to ${max} characters or fewer.`);

const commandId = uuid('Every command needs a commandId: a UUID the client makes (crypto.randomUUID()).');
const itemId = agendaItemIdSchema;
const accountId = uuid('Choose an account from the CRM.');
const activityId = z
	.number({ error: 'Choose an event on the timeline.' })
	.int('Choose an event on the timeline.')
	.positive('Choose an event on the timeline.')
	.max(Number.MAX_SAFE_INTEGER, 'Choose an event on the timeline.');

const signalRef = z.discriminatedUnion(
	'kind',
	[
		z.strictObject({
			kind: z.literal('playbook'),
			signalId: z.string().regex(KEBAB_CASE, 'Choose a signal from the playbook.').max(100, 'Choose a signal from the playbook.')
		}),
		z.strictObject({ kind: z.literal('new'), name: text('a name for the new signal', LIMITS.signalName) })
	],
	{ error: 'Choose a playbook signal, or name a new one.' }
);

const tagFields = {
	signal: signalRef,
	polarity: z.enum(POLARITIES, { error: 'Say whether the signal is positive or a risk.' }),
	interpretation: text('what the signal means here', LIMITS.interpretation)
};

const spotted = (what: string) =>
	z.strictObject({ activityId, note: text(`why this is ${what}`, LIMITS.answerNote) });

const dueOn = z
	.string({ error: 'Pick a due date.' })
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'Pick a due date (YYYY-MM-DD).')
	.refine(isCalendarDay, `That due date is not a day of the calendar ${YEAR_RANGE}.`);

const actionItemFields = {
	title: text('what needs doing', LIMITS.actionTitle),
	ownerId: uuid('Choose who owns the action item.'),
	dueOn,
	accountId: accountId.nullable().default(null)
};

const calibrationScore = (what: string) =>
	z
		.number({ error: `${what} with a whole number from 0 to 100.` })
		.int(`${what} with a whole number from 0 to 100.`)
		.min(0, `${what} with a whole number from 0 to 100.`)
		.max(100, `${what} with a whole number from 0 to 100.`);

const command = <T extends string, S extends z.core.$ZodLooseShape>(type: T, shape: S) =>
	z.strictObject({ type: z.literal(type), commandId, ...shape });

const sessionCommandSchemas = [
	command('session.start', {}),
	command('session.end', {}),
	command('agenda.open', { itemId }),
	command('timer.start', { itemId }),
	command('timer.pause', { itemId }),
	command('timer.extend', {
		itemId,
		minutes: z
			.number({ error: 'Extend by a whole number of minutes.' })
			.int('Extend by a whole number of minutes.')
			.min(LIMITS.extendMinutes.min, `Extend by at least ${LIMITS.extendMinutes.min} minute.`)
			.max(LIMITS.extendMinutes.max, `Extend by at most ${LIMITS.extendMinutes.max} minutes at a time.`)
	}),
	command('participant.join', {}),
	command('ready.set', { itemId, ready: z.boolean({ error: 'Say whether you are ready to move on.' }) }),
	command('facilitator.handOver', { toUserId: uuid('Choose the participant who takes over.') }),
	command('walkthrough.openAccount', { accountId }),
	command('walkthrough.focusEvent', { accountId, activityId: activityId.nullable() }),
	command('tag.add', { activityId, accountId, ...tagFields }),
	command('tag.edit', { tagId: uuid('Choose the tag to edit.'), ...tagFields }),
	command('tag.withdraw', { tagId: uuid('Choose the tag to withdraw.') }),
	command('spotting.deal', {
		assignments: z
			.array(z.strictObject({ userId: uuid('Deal accounts to participants.'), accountId }))
			.min(1, 'Deal an account to at least one participant.')
			.max(LIMITS.participants, `Deal to at most ${LIMITS.participants} participants.`)
			.refine((a) => new Set(a.map((x) => x.userId)).size === a.length, 'Deal each participant one account only.')
	}),
	command('spotting.answer', {
		dealId: uuid('Answer the current round of signal spotting.'),
		positive: spotted('a positive signal'),
		risk: spotted('a risk signal')
	}),
	command('spotting.reveal', { dealId: uuid('Reveal the current round of signal spotting.') }),
	command('calibration.rate', {
		itemId,
		accountId,
		score: calibrationScore('Rate the lead'),
		reason: z
			.string({ error: 'Write the reason as text, or leave it out.' })
			.trim()
			.max(LIMITS.ratingReason, `Keep the reason to ${LIMITS.ratingReason} characters or fewer.`)
			.nullish()
			.transform((r) => (r ? r : null))
	}),
	command('calibration.reveal', { itemId, accountId: accountId.nullable().default(null) }),
	command('calibration.reopen', { itemId, accountId }),
	command('calibration.consensus', { itemId, accountId, score: calibrationScore('Record the consensus score') }),
	command('calibration.criteria', { itemId, text: text('the criteria the team agreed', LIMITS.calibrationCriteria) }),
	command('insight.add', { text: text('the insight', LIMITS.insight) }),
	command('insight.remove', { insightId: uuid('Choose the insight to remove.') }),
	command('actionItem.add', actionItemFields),
	command('actionItem.update', { actionItemId: uuid('Choose the action item to change.'), ...actionItemFields }),
	command('actionItem.remove', { actionItemId: uuid('Choose the action item to remove.') }),
	command('playbookChange.agree', {
		text: text('the playbook change the team agreed', LIMITS.playbookChange),
		signalId: z.string().regex(KEBAB_CASE, 'Choose a signal from the playbook.').max(100).nullable().default(null),
		evidenceTagIds: z
			.array(uuid('Choose evidence from the tags of this session.'))
			.max(LIMITS.evidenceTags, `Attach at most ${LIMITS.evidenceTags} tags as evidence.`)
			.transform((ids) => [...new Set(ids)])
			.default([])
	}),
	command('playbookChange.remove', { changeId: uuid('Choose the playbook change to remove.') }),
	command('win.record', {
		kind: z.enum(WIN_KINDS, { error: 'Say what kind of win it was.' }),
		accountId: accountId.nullable().default(null),
		text: text('what the signal led to', LIMITS.winText)
	}),
	command('win.remove', { winId: uuid('Choose the win to remove.') })
] as const;

export const sessionCommandSchema = z.discriminatedUnion('type', sessionCommandSchemas, {
	error: (issue) => (issue.code === 'invalid_union' ? 'That is not a command a live session knows.' : undefined)
});

export type SessionCommand = z.output<typeof sessionCommandSchema>;
export type SessionCommandInput = z.input<typeof sessionCommandSchema>;
export type SessionCommandType = SessionCommand['type'];
export type CommandOf<T extends SessionCommandType> = Extract<SessionCommand, { type: T }>;

export type ParsedCommand =
	| { ok: true; command: SessionCommand }
	| { ok: false; message: string; field?: string };

/** Parses untrusted input into a command, or the first problem in plain words (and its field). */
export function parseCommand(input: unknown): ParsedCommand {
	const parsed = sessionCommandSchema.safeParse(input);
	if (parsed.success) return { ok: true, command: parsed.data };
	const issue = parsed.error.issues[0];
	const field = issue.path.length ? issue.path.join('.') : undefined;
	if (issue.code === 'unrecognized_keys') {
		return { ok: false, message: `This command does not take ${issue.keys.map((k) => `'${k}'`).join(', ')}.` };
	}
	if (issue.code === 'invalid_type' && issue.path.length === 0) {
		return { ok: false, message: 'A command is an object with a type and a commandId.' };
	}
	return { ok: false, message: issue.message, field };
}
