import { z } from 'zod';
import {
	ACCOUNT_LIFECYCLES,
	COMPANY_SIZES,
	CONTACT_LIFECYCLES,
	DEAL_STAGES,
	PLANS,
	TASK_STATUSES
} from './vocabulary';
import { normalizeDomain } from './slug';
import {
	choice,
	money,
	optionalChoice,
	optionalDate,
	optionalEmail,
	optionalId,
	optionalText,
	requiredDate,
	requiredId,
	requiredText
} from '../forms/fields';

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export const accountInput = z.object({
	name: requiredText('the account name'),
	domain: z
		.string()
		.optional()
		.transform((v) => (v ? normalizeDomain(v) : null))
		.refine((v) => v === null || DOMAIN.test(v), 'Enter a web domain, like acme.com.'),
	industry: optionalText('the industry', 80),
	size: optionalChoice(COMPANY_SIZES, 'a company size'),
	ownerId: optionalId('an owner'),
	lifecycle: choice(ACCOUNT_LIFECYCLES, 'a lifecycle stage'),
	plan: optionalChoice(PLANS, 'a plan'),
	arr: money('ARR'),
	externalId: optionalText('the external id', 100)
});
export type AccountInput = z.output<typeof accountInput>;

export const contactInput = z.object({
	firstName: requiredText('a first name', 100),
	lastName: optionalText('the last name', 100).transform((v) => v ?? ''),
	email: optionalEmail,
	title: optionalText('the job title', 120),
	accountId: optionalId('an account'),
	lifecycle: choice(CONTACT_LIFECYCLES, 'a lifecycle stage'),
	externalId: optionalText('the external id', 100)
});
export type ContactInput = z.output<typeof contactInput>;

export const dealInput = z
	.object({
		name: requiredText('a deal name'),
		accountId: requiredId('an account'),
		stage: choice(DEAL_STAGES, 'a stage'),
		amount: money('the amount'),
		ownerId: optionalId('an owner'),
		openedOn: requiredDate('the date the deal opened'),
		closeOn: optionalDate('the close date'),
		externalId: optionalText('the external id', 100)
	})
	.refine((d) => !d.closeOn || d.closeOn >= d.openedOn, {
		path: ['closeOn'],
		message: 'The close date cannot be before the date the deal opened.'
	});
export type DealInput = z.output<typeof dealInput>;

export const noteInput = z.object({
	body: requiredText('the note', 5000),
	contactId: optionalId('a contact'),
	dealId: optionalId('a deal')
});
export type NoteInput = z.output<typeof noteInput>;

export const taskInput = z.object({
	title: requiredText('what needs doing', 200),
	ownerId: optionalId('an owner'),
	dueOn: optionalDate('the due date'),
	contactId: optionalId('a contact'),
	dealId: optionalId('a deal')
});
export type TaskInput = z.output<typeof taskInput>;

export const noteEditInput = z.object({
	noteId: z.uuid('Choose a note.'),
	body: requiredText('the note', 5000)
});

export const taskEditInput = taskInput.extend({
	status: choice(TASK_STATUSES, 'a status')
});
export type TaskEditInput = z.output<typeof taskEditInput>;

export const taskStatusInput = z.object({
	taskId: z.uuid('Choose a task.'),
	status: choice(TASK_STATUSES, 'a status')
});
