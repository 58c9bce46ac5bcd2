import { FEATURES, SUCCESS_MEETINGS } from './catalog';
import {
	ENTERPRISE_TICKETS,
	NPS_COMMENTS,
	SOCIAL_CHANNELS,
	SOCIAL_MENTIONS,
	TICKETS,
	type TicketTopic
} from './customerCatalog';
import type { DraftTimeline } from './draftTimeline';
import { addCall } from './funnelActivities';
import { GAP_START_DAYS, ONBOARDING_DAYS, type CustomerPlan } from './planCustomer';
import { DAY, HOUR, MINUTE, atWorkHour, dayStart } from './time';

/** Logins every few hours to 5.5 days, so no gap reaches 10 days outside the planned silences. */
function addLogins(t: DraftTimeline, c: CustomerPlan): void {
	const { random } = t;
	for (let at = c.since + random.int(2, 30) * HOUR; at <= c.lastLoginAt; at += random.between(0.3, 5.5) * DAY) {
		if (c.loginBreak && at >= c.loginBreak[0] && at < c.loginBreak[1]) at = c.loginBreak[1];
		const contact = t.randomContact();
		t.add('product_login', Math.floor(at / 1000) * 1000, {}, { contact });
		if (random.chance(0.5))
			t.add(
				'feature_used',
				Math.floor(at / 1000) * 1000 + random.int(1, 40) * MINUTE,
				{ feature: random.pick(FEATURES) },
				{ contact }
			);
	}
}

function addTicket(t: DraftTimeline, at: number, topic: TicketTopic, csat: boolean, endAt: number): void {
	const { random, plan } = t;
	const props = {
		ticket_id: `T-${plan.index + 1}-${String(t.nextSerial()).padStart(3, '0')}`,
		subject: topic.subject,
		sentiment: topic.sentiment,
		priority: topic.priority
	};
	const contact = t.randomContact();
	t.add('ticket_opened', at, props, { contact });
	const closedAt = Math.min(at + random.int(2, 120) * HOUR, Math.max(at + HOUR, endAt - HOUR));
	t.add('ticket_closed', closedAt, props, { contact, actor: 'support' });
	if (csat) {
		const score =
			topic.sentiment === 'angry'
				? random.int(1, 2)
				: topic.sentiment === 'negative'
					? random.int(2, 4)
					: random.int(4, 5);
		t.add('survey_answered', closedAt + random.int(1, 24) * HOUR, { kind: 'csat', score }, { contact });
	}
}

function addTickets(t: DraftTimeline, c: CustomerPlan): void {
	const { random } = t;
	const churning = c.churnAt !== null;
	const months = (c.endAt - c.since) / (30 * DAY);
	for (let n = Math.round(months * (churning ? 0.5 : 0.3) * random.between(0.5, 1.5)); n > 0; n--) {
		const at = atWorkHour(random, random.between(c.since + 5 * DAY, c.endAt - DAY));
		const topic =
			churning && random.chance(0.6)
				? random.pick(TICKETS.filter((x) => x.sentiment === 'angry' || x.sentiment === 'negative'))
				: random.pick(TICKETS);
		// A CSAT survey is a success touchpoint: only accounts with touchpoints (or in onboarding) get one.
		const inGap = at > c.since + (ONBOARDING_DAYS - 7) * DAY;
		addTicket(t, at, topic, random.chance(0.5) && (c.touchpoints || !inGap), c.endAt);
	}
	for (const at of c.enterpriseTicketsAt) addTicket(t, at, random.pick(ENTERPRISE_TICKETS), false, c.endAt);
}

function npsAnswer(t: DraftTimeline, at: number, churning: boolean): void {
	const { random } = t;
	const score = churning
		? random.int(2, 7)
		: random.weighted([
				[random.int(9, 10), 0.55],
				[random.int(7, 8), 0.3],
				[random.int(3, 6), 0.15]
			]);
	const comments = score >= 9 ? NPS_COMMENTS.promoter : score >= 7 ? NPS_COMMENTS.passive : NPS_COMMENTS.detractor;
	t.add(
		'survey_answered',
		at,
		random.chance(0.6) ? { kind: 'nps', score, comment: random.pick(comments) } : { kind: 'nps', score },
		{ contact: t.champion() }
	);
}

/** Check-ins, reviews and surveys between onboarding and renewal: what churned customers mostly lacked. */
function addGapTouchpoints(t: DraftTimeline, c: CustomerPlan, csm: string): void {
	const { random } = t;
	const gapEnd = c.endAt - DAY;
	const before = (at: number) => (at < gapEnd ? at : null);
	for (let at = c.since + random.int(GAP_START_DAYS, 70) * DAY; at < gapEnd; at += random.int(50, 100) * DAY) {
		addCall(t, atWorkHour(random, at), csm, 'connected');
		const meetingAt = before(atWorkHour(random, at + random.int(3, 10) * DAY));
		if (meetingAt && c.startPlan !== 'starter' && random.chance(0.6)) {
			t.add('meeting_held', meetingAt, { title: random.pick(SUCCESS_MEETINGS) }, { contact: t.champion(), actor: csm });
		}
		const replyAt = before(atWorkHour(random, at + random.int(1, 5) * DAY));
		if (replyAt && random.chance(0.4))
			t.add(
				'email_replied',
				replyAt,
				{ subject: 'Re: Checking in on your dashboards', campaign: 'success-check-in' },
				{ contact: t.champion() }
			);
		const npsAt = before(atWorkHour(random, at + random.int(10, 30) * DAY));
		if (npsAt && random.chance(0.45)) npsAnswer(t, npsAt, c.churnAt !== null);
	}
}

function addPlanChanges(t: DraftTimeline, c: CustomerPlan, csm: string): void {
	const { random } = t;
	for (const change of c.changes) {
		if (change.kind === 'renewal') t.add('renewal', change.at, { plan: change.to, arr: change.arr }, { actor: csm });
		else
			t.add(
				change.kind === 'upgrade' ? 'plan_upgraded' : 'plan_downgraded',
				change.at,
				{ from: change.from, to: change.to },
				{ contact: t.champion(), actor: csm }
			);
	}
	if (c.churnAt !== null) t.add('churned', c.churnAt, { reason: c.churnReason }, { actor: csm });
	if (random.chance(0.12)) {
		const sentiment = c.churnAt !== null ? 'negative' : random.pick(['positive', 'positive', 'neutral'] as const);
		const at = atWorkHour(random, random.between(c.since + 20 * DAY, c.endAt - DAY));
		t.add(
			'social_mention',
			at,
			{ channel: random.pick(SOCIAL_CHANNELS), text: random.pick(SOCIAL_MENTIONS[sentiment]), sentiment },
			{ contact: true }
		);
	}
	for (let n = random.int(0, 2); n > 0; n--) {
		// Single pricing-page checks by customers (never three in a day: that is the buying signal).
		t.add(
			'pricing_visit',
			atWorkHour(random, dayStart(c.since) + random.int(10, Math.max(10, (c.endAt - c.since) / DAY - 2)) * DAY),
			{ page: '/pricing' },
			{ contact: true }
		);
	}
}

/** Everything after the won deal: onboarding, usage, tickets, touchpoints, plan changes, churn. */
export function addCustomerActivities(t: DraftTimeline, c: CustomerPlan): void {
	const { random, plan } = t;
	const csm = plan.successKey;
	t.add(
		'meeting_held',
		atWorkHour(random, c.since + random.int(2, 6) * DAY),
		{ title: 'Kickoff' },
		{ contact: t.champion(), actor: csm }
	);
	addCall(t, atWorkHour(random, c.since + random.int(10, 20) * DAY), csm, 'connected');
	if (random.chance(0.5)) npsAnswer(t, atWorkHour(random, c.since + random.int(21, 27) * DAY), false);
	addLogins(t, c);
	addTickets(t, c);
	if (c.touchpoints) addGapTouchpoints(t, c, csm);
	addPlanChanges(t, c, csm);
}
