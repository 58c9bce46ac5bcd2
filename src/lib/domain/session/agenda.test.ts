import { describe, expect, it } from 'vitest';
import {
	addAgendaItem,
	defaultAgenda,
	editAgendaItem,
	isTrendReviewItem,
	moveAgendaItem,
	removeAgendaItem,
	retimeAgendaItem,
	totalPlannedMinutes,
	type AgendaEdit,
	type AgendaItem
} from './agenda';
import { sessionPlanSchema } from './plan';

const item = (id: string, minutes = 10): AgendaItem => ({
	id,
	title: `Item ${id}`,
	plannedMinutes: minutes,
	exercise: null,
	accountIds: []
});

function agendaOf(edit: AgendaEdit): AgendaItem[] {
	if (!edit.ok) throw new Error(edit.message);
	return edit.agenda;
}

function messageOf(edit: AgendaEdit): string {
	if (edit.ok) throw new Error('expected a refusal');
	return edit.message;
}

describe('defaultAgenda', () => {
	it('is the standard session: 5, 20, 20, 15 and 20 minutes', () => {
		const agenda = defaultAgenda();
		expect(agenda.map((i) => i.plannedMinutes)).toEqual([5, 20, 20, 15, 20]);
		expect(totalPlannedMinutes(agenda)).toBe(80);
		expect(new Set(agenda.map((i) => i.id)).size).toBe(5);
		expect(agenda[1].exercise).toBe('timeline-walkthrough');
	});

	it('returns a fresh copy each time', () => {
		const a = defaultAgenda();
		a[0].title = 'changed';
		expect(defaultAgenda()[0].title).not.toBe('changed');
	});
});

describe('agenda edits', () => {
	const base = [item('a'), item('b'), item('c')];

	it('adds at the end or at a position, without touching the original', () => {
		expect(agendaOf(addAgendaItem(base, item('d'))).map((i) => i.id)).toEqual(['a', 'b', 'c', 'd']);
		expect(agendaOf(addAgendaItem(base, item('d'), 1)).map((i) => i.id)).toEqual(['a', 'd', 'b', 'c']);
		expect(agendaOf(addAgendaItem(base, item('d'), -5)).map((i) => i.id)).toEqual(['d', 'a', 'b', 'c']);
		expect(agendaOf(addAgendaItem(base, item('d'), Number.NaN)).map((i) => i.id)).toEqual(['a', 'b', 'c', 'd']);
		expect(base.map((i) => i.id)).toEqual(['a', 'b', 'c']);
	});

	it('trims titles and checks them', () => {
		expect(agendaOf(addAgendaItem(base, { ...item('d'), title: '  Trends  ' }))[3].title).toBe('Trends');
		expect(messageOf(addAgendaItem(base, { ...item('d'), title: '   ' }))).toBe('Give the agenda item a title.');
		expect(messageOf(addAgendaItem(base, { ...item('d'), title: 'x'.repeat(121) }))).toMatch(/120 characters/);
		expect(agendaOf(addAgendaItem(base, { ...item('d'), title: 'x'.repeat(120) }))).toHaveLength(4);
	});

	it('keeps minutes between 1 and 180, whole', () => {
		expect(messageOf(retimeAgendaItem(base, 'a', 0))).toMatch(/at least 1 minute/);
		expect(messageOf(retimeAgendaItem(base, 'a', 181))).toMatch(/at most 180 minutes/);
		expect(messageOf(retimeAgendaItem(base, 'a', 2.5))).toMatch(/whole minutes/);
		expect(agendaOf(retimeAgendaItem(base, 'a', 180))[0].plannedMinutes).toBe(180);
		expect(agendaOf(retimeAgendaItem(base, 'a', 1))[0].plannedMinutes).toBe(1);
	});

	it('holds at most 20 items and refuses duplicate ids', () => {
		const twenty = Array.from({ length: 20 }, (_, i) => item(`i${i}`, 1));
		expect(messageOf(addAgendaItem(twenty, item('x')))).toMatch(/at most 20 items/);
		expect(messageOf(addAgendaItem(base, item('b')))).toMatch(/same id/);
		expect(messageOf(addAgendaItem(base, { ...item('bad id!') }))).toMatch(/letters, digits and hyphens/);
	});

	it('removes an item but never the last one', () => {
		expect(agendaOf(removeAgendaItem(base, 'b')).map((i) => i.id)).toEqual(['a', 'c']);
		expect(messageOf(removeAgendaItem([item('a')], 'a'))).toMatch(/at least one item/);
		expect(messageOf(removeAgendaItem(base, 'zzz'))).toMatch(/no longer on the agenda/);
	});

	it('moves an item to a position, clamped to the list', () => {
		expect(agendaOf(moveAgendaItem(base, 'a', 2)).map((i) => i.id)).toEqual(['b', 'c', 'a']);
		expect(agendaOf(moveAgendaItem(base, 'c', 0)).map((i) => i.id)).toEqual(['c', 'a', 'b']);
		expect(agendaOf(moveAgendaItem(base, 'b', 99)).map((i) => i.id)).toEqual(['a', 'c', 'b']);
		expect(agendaOf(moveAgendaItem(base, 'b', 1)).map((i) => i.id)).toEqual(['a', 'b', 'c']);
		expect(messageOf(moveAgendaItem(base, 'b', 1.5))).toMatch(/position/);
		expect(messageOf(moveAgendaItem(base, 'q', 1))).toMatch(/no longer/);
	});

	it('edits title, exercise and accounts but keeps the id', () => {
		const acme = '00000000-0000-4000-8000-000000000101';
		const edited = agendaOf(
			editAgendaItem(base, 'b', { title: 'Spotting', exercise: 'signal-spotting', accountIds: [acme] })
		);
		expect(edited[1]).toEqual({ id: 'b', title: 'Spotting', plannedMinutes: 10, exercise: 'signal-spotting', accountIds: [acme] });
		expect(messageOf(editAgendaItem(base, 'b', { accountIds: [acme, acme] }))).toMatch(/listed twice/);
		expect(messageOf(editAgendaItem(base, 'b', { accountIds: ['acme'] }))).toMatch(/Choose the accounts/);
		expect(messageOf(editAgendaItem(base, 'b', { exercise: 'karaoke' as never }))).toMatch(/exercise/);
	});
});

describe('sessionPlanSchema', () => {
	const valid = {
		title: ' Weekly signal review ',
		objective: 'Spotting churn signals in onboarding',
		scheduledAt: '2026-03-04T10:00:00+01:00',
		participantIds: ['00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000002']
	};

	it('fills in the standard agenda and drops repeated participants', () => {
		const plan = sessionPlanSchema.parse(valid);
		expect(plan.title).toBe('Weekly signal review');
		expect(plan.agenda).toEqual(defaultAgenda());
		expect(plan.participantIds).toHaveLength(1);
	});

	it('says what is wrong in plain words', () => {
		const problem = (input: object) => sessionPlanSchema.safeParse(input).error?.issues[0].message;
		expect(problem({ ...valid, title: '' })).toBe('Give the session a title.');
		expect(problem({ ...valid, objective: undefined })).toMatch(/what the session is for/);
		expect(problem({ ...valid, scheduledAt: 'next tuesday' })).toMatch(/date and time/);
		expect(problem({ ...valid, participantIds: ['bob'] })).toMatch(/workspace members/);
		expect(problem({ ...valid, agenda: [] })).toMatch(/at least one item/);
		expect(problem({ ...valid, agenda: [item('a'), item('a')] })).toMatch(/same id/);
		expect(problem({ ...valid, facilitator: 'me' })).toMatch(/facilitator/);
	});
});

describe('isTrendReviewItem', () => {
	it('finds the standard trend review item and items named after a trend review', () => {
		expect(defaultAgenda().filter(isTrendReviewItem).map((i) => i.id)).toEqual(['trends']);
		expect(isTrendReviewItem({ id: 'x1', title: 'Trend review: enterprise' })).toBe(true);
		expect(isTrendReviewItem({ id: 'item-4', title: 'Wins, losses, churn and renewals in one segment' })).toBe(true);
		expect(isTrendReviewItem({ id: 'x2', title: 'Churn case study' })).toBe(false);
		expect(isTrendReviewItem({ id: 'x3', title: 'Trendsetters we met' })).toBe(false);
	});
});
