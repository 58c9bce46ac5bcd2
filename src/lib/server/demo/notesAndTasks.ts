import { randomUUID } from 'node:crypto';
import type { note, task } from '../db/schema';
import type { AccountPlan } from './planAccounts';
import { createRandom, deriveSeed, type Random } from '../../domain/random';
import { DAY, atWorkHour, toDateOnly } from './time';

type NoteRow = typeof note.$inferInsert;
type TaskRow = typeof task.$inferInsert;

const PAINS = [
	'their weekly metrics review lives in spreadsheets',
	'product and marketing report different activation numbers',
	'they cannot see which accounts are going quiet',
	'their BI team is a bottleneck for simple funnel questions'
];

function noteBodies(random: Random, plan: AccountPlan): { at: number; body: string; author: string; deal: boolean }[] {
	const { funnel, customer } = plan;
	const champion = plan.contacts[0]?.firstName ?? 'The champion';
	const notes: { at: number; body: string; author: string; deal: boolean }[] = [];
	const deal = funnel.deal;
	if (deal) {
		notes.push({
			at: atWorkHour(random, deal.openedAt + 2 * DAY),
			body: `Discovery with ${champion}: ${random.pick(PAINS)}. Interested in ${deal.plan}. Next step: demo with their data team.`,
			author: plan.salesKey,
			deal: true
		});
		if (deal.lostReason) {
			notes.push({
				at: deal.closeAt,
				body: `Closed lost: ${deal.lostReason}. Keep in nurture.`,
				author: plan.salesKey,
				deal: true
			});
		}
	} else if (random.chance(0.2)) {
		notes.push({
			at: atWorkHour(random, funnel.firstTouchAt + 3 * DAY),
			body: `Inbound lead via ${random.pick(['webinar', 'ebook', 'trial'])}; not sales-ready yet.`,
			author: plan.salesKey,
			deal: false
		});
	}
	if (customer) {
		notes.push({
			at: customer.since + DAY,
			body: `Handoff to success: champion ${champion}; goals agreed at kickoff.`,
			author: plan.successKey,
			deal: true
		});
		if (customer.enterpriseTicketsAt.length) {
			notes.push({
				at: customer.enterpriseTicketsAt[0] + DAY,
				body: `${champion}'s team asked support about enterprise features (SSO, audit log). Flagged to the account owner.`,
				author: plan.successKey,
				deal: false
			});
		}
		if (customer.churnAt !== null) {
			const quietWeeks = Math.round((customer.churnAt - customer.lastLoginAt) / (7 * DAY));
			notes.push({
				at: customer.churnAt,
				body: `Churned: ${customer.churnReason}. Last login about ${quietWeeks} week(s) before the notice.`,
				author: plan.successKey,
				deal: false
			});
		}
	}
	return notes;
}

/** Notes on deals and customer moments, written by the owning seller or CSM. */
export function noteRows(
	plan: AccountPlan,
	workspaceId: string,
	userIds: Record<string, string>,
	seed: number,
	now: number
): NoteRow[] {
	const random = createRandom(deriveSeed(seed, 'notes', plan.index));
	return noteBodies(random, plan)
		.filter((n) => n.at < now)
		.map((n) => ({
			id: randomUUID(),
			workspaceId,
			accountId: plan.id,
			contactId: plan.contacts[0]?.id ?? null,
			dealId: n.deal ? plan.dealId : null,
			authorId: userIds[n.author],
			body: n.body,
			createdAt: new Date(n.at),
			updatedAt: new Date(n.at)
		}));
}

/** A few open tasks where the story says someone should act now, plus some finished ones. */
export function taskRows(
	plan: AccountPlan,
	workspaceId: string,
	userIds: Record<string, string>,
	seed: number,
	now: number
): TaskRow[] {
	const random = createRandom(deriveSeed(seed, 'tasks', plan.index));
	const { funnel, customer } = plan;
	const tasks: { title: string; owner: string; due: number; done: number | null; deal: boolean }[] = [];
	if (funnel.deal && funnel.journey === 'open' && random.chance(0.35)) {
		tasks.push({
			title: `Send the proposal to ${plan.contacts[0]?.firstName ?? 'the buyer'}`,
			owner: plan.salesKey,
			due: now + random.int(1, 10) * DAY,
			done: null,
			deal: true
		});
	}
	if (funnel.deal && funnel.journey !== 'open' && random.chance(0.3)) {
		const at = funnel.deal.openedAt + 3 * DAY;
		tasks.push({
			title: 'Send the recap after the discovery call',
			owner: plan.salesKey,
			due: at,
			done: at - DAY,
			deal: true
		});
	}
	if (customer && customer.churnAt === null && !customer.touchpoints && random.chance(0.5)) {
		tasks.push({
			title: 'Book a check-in: no touchpoint since onboarding',
			owner: plan.successKey,
			due: now + random.int(0, 7) * DAY,
			done: null,
			deal: false
		});
	}
	const renewalAt = customer ? customer.since + 365 * DAY : 0;
	if (customer && customer.churnAt === null && renewalAt > now && renewalAt < now + 60 * DAY) {
		tasks.push({
			title: 'Prepare the renewal quote',
			owner: plan.successKey,
			due: renewalAt - 21 * DAY,
			done: null,
			deal: false
		});
	}
	return tasks.map((t) => ({
		id: randomUUID(),
		workspaceId,
		title: t.title,
		ownerId: userIds[t.owner],
		dueOn: toDateOnly(t.due),
		status: t.done === null ? 'open' : 'done',
		accountId: plan.id,
		contactId: plan.contacts[0]?.id ?? null,
		dealId: t.deal ? plan.dealId : null,
		createdBy: userIds[t.owner],
		createdAt: new Date(Math.min(now - DAY, t.done ?? now - random.int(1, 9) * DAY)),
		completedAt: t.done === null ? null : new Date(t.done)
	}));
}
