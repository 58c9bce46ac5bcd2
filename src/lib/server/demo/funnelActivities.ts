import {
	CALL_SUMMARIES,
	DEMO_CAMPAIGNS,
	FOLLOW_UP_SUBJECTS,
	FORMS,
	NEWSLETTER_CAMPAIGNS,
	SALES_MEETINGS,
	WEB_PAGES,
	WEBINAR_CAMPAIGNS,
	WEBINARS
} from './catalog';
import { titleCase } from '../../domain/crm/vocabulary';
import type { DraftTimeline } from './draftTimeline';
import { DAY, HOUR, MINUTE, atWorkHour, dayStart } from './time';

type CallOutcome = keyof typeof CALL_SUMMARIES;

/** A sales call with the properties the timeline shows (outcome, duration, summary). */
export function addCall(t: DraftTimeline, at: number, actor: string, outcome?: CallOutcome): void {
	const { random } = t;
	const result =
		outcome ??
		random.weighted<CallOutcome>([
			['connected', 0.45],
			['voicemail', 0.25],
			['no_answer', 0.2],
			['meeting_booked', 0.1]
		]);
	const duration =
		result === 'connected' || result === 'meeting_booked' ? random.int(6, 45) : result === 'voicemail' ? 1 : 0;
	t.add(
		'call_logged',
		at,
		{ outcome: result, duration_min: duration, summary: random.pick(CALL_SUMMARIES[result]) },
		{ contact: t.champion(), actor }
	);
}

/** A follow-up by the seller: an email (sometimes answered) or a call. */
function addFollowUp(t: DraftTimeline, at: number): void {
	const { random, plan } = t;
	if (random.chance(0.5)) {
		addCall(t, at, plan.salesKey);
		return;
	}
	const subject = random.pick(FOLLOW_UP_SUBJECTS);
	t.add('email_sent', at, { subject, campaign: 'sales-follow-up' }, { contact: t.champion(), actor: plan.salesKey });
	if (random.chance(0.3))
		t.add(
			'email_replied',
			at + random.int(1, 30) * HOUR,
			{ subject: `Re: ${subject}`, campaign: 'sales-follow-up' },
			{ contact: t.champion() }
		);
}

/**
 * Seller follow-ups from first touch to the decision. Spaced at least 4 days apart, so only the
 * planned burst (3-4 within 6 days) ever puts three follow-ups inside one week.
 */
function addSalesTouches(t: DraftTimeline, from: number, to: number, cap: number): void {
	const { random, plan } = t;
	const moments: number[] = [];
	for (let at = from + random.int(1, 6) * DAY; at < to && moments.length < cap; at += random.int(4, 14) * DAY) {
		moments.push(atWorkHour(random, at));
	}
	if (plan.funnel.followUpBurst && to - from > 8 * DAY) {
		const start = dayStart(from + random.between(0, Math.min(to - from - 7 * DAY, 30 * DAY)));
		const burst = [0, random.int(1, 2), random.int(3, 5)];
		if (random.chance(0.4)) burst.push(6);
		const kept = moments.filter((m) => m < start - 5 * DAY || m > start + 11 * DAY);
		moments.length = 0;
		moments.push(...kept, ...burst.map((d) => atWorkHour(random, start + d * DAY)));
	}
	for (const at of moments) addFollowUp(t, at);
}

function addMarketingEmail(
	t: DraftTimeline,
	at: number,
	campaign: { campaign: string; subject: string },
	contact: string | null
): void {
	const props = { subject: campaign.subject, campaign: campaign.campaign };
	t.add('email_sent', at, props, { contact });
	t.add('email_opened', at + t.random.int(5, 600) * MINUTE, props, { contact });
}

function addPricingVisits(t: DraftTimeline, buyingEnd: number): void {
	const { random, plan } = t;
	const burst = plan.funnel.pricingBurstDay;
	if (burst !== null) {
		const contact = t.randomContact();
		for (let n = random.int(3, 5); n > 0; n--)
			t.add('pricing_visit', atWorkHour(random, burst), { page: '/pricing' }, { contact });
	}
	const from = dayStart(plan.funnel.firstTouchAt);
	const days = Math.max(1, Math.floor((buyingEnd - from) / DAY));
	const used = new Set<number>();
	for (let n = random.int(0, 3); n > 0; n--) {
		const day = from + random.int(0, days - 1) * DAY;
		if (day === burst || used.has(day)) continue;
		used.add(day);
		t.add('pricing_visit', atWorkHour(random, day), { page: '/pricing' }, { contact: true });
	}
}

function addDealMeetings(t: DraftTimeline): void {
	const { random, plan, context } = t;
	const deal = plan.funnel.deal;
	if (!deal) return;
	const end = deal.stage.startsWith('closed') ? deal.closeAt : context.window.now;
	const span = deal.closeAt - deal.openedAt;
	const meet = (title: string, at: number) => {
		if (at < end) t.add('meeting_held', at, { title }, { contact: t.champion(), actor: plan.salesKey });
	};
	if (random.chance(0.5))
		t.add('demo_requested', deal.openedAt - random.int(1, 40) * HOUR, {}, { contact: t.champion() });
	meet(SALES_MEETINGS[0], atWorkHour(random, deal.openedAt + random.int(1, 4) * DAY));
	meet(SALES_MEETINGS[1], atWorkHour(random, deal.openedAt + random.int(5, 12) * DAY));
	if (random.chance(0.4)) meet(random.pick(SALES_MEETINGS.slice(2)), atWorkHour(random, deal.openedAt + span * 0.5));
	const proposalStages = ['proposal', 'negotiation', 'closed_won', 'closed_lost'];
	if (proposalStages.includes(deal.stage) && (deal.stage !== 'closed_lost' || random.chance(0.6))) {
		const proposal = `${context.product} ${titleCase(deal.plan)} proposal`;
		const first = deal.openedAt + span * random.between(0.45, 0.65);
		for (let n = random.int(1, 4); n > 0; n--) {
			const at = atWorkHour(random, first + random.between(0, Math.max(DAY, end - first - DAY)));
			if (at < end) t.add('proposal_viewed', at, { proposal }, { contact: true });
		}
	}
	if (deal.stage === 'closed_won')
		t.add('purchase', deal.closeAt, { amount: deal.amount }, { contact: t.champion(), actor: plan.salesKey });
}

/** Marketing and sales events from first touch to the decision (or to now for leads). */
export function addFunnelActivities(t: DraftTimeline): void {
	const { random, plan, context } = t;
	const { funnel } = plan;
	const deal = funnel.deal;
	const buyingEnd = deal ? deal.openedAt : context.window.now;
	const decidedAt = deal ? (deal.stage.startsWith('closed') ? deal.closeAt : context.window.now) : context.window.now;
	const first = t.champion();

	t.add(
		'web_visit',
		funnel.firstTouchAt - random.int(2, 30) * MINUTE,
		{ page: random.pick(WEB_PAGES) },
		{ contact: first }
	);
	t.add(
		'form_submitted',
		funnel.firstTouchAt,
		{ form: random.pick(FORMS.filter((f) => f !== 'Webinar registration')) },
		{ contact: first }
	);
	for (let n = random.int(1, 3); n > 0; n--) {
		addMarketingEmail(
			t,
			atWorkHour(random, random.between(funnel.firstTouchAt, buyingEnd)),
			random.pick(NEWSLETTER_CAMPAIGNS),
			t.randomContact()
		);
	}

	if (funnel.webinarAt !== null) {
		const invite = funnel.webinarAt - random.int(3, 10) * DAY;
		const contact = t.randomContact();
		addMarketingEmail(t, invite, random.pick(WEBINAR_CAMPAIGNS), contact);
		t.add('form_submitted', invite + random.int(1, 48) * HOUR, { form: 'Webinar registration' }, { contact });
		t.add('webinar_attended', funnel.webinarAt, { webinar: random.pick(WEBINARS) }, { contact });
	}
	if (funnel.demoClickAt !== null) {
		const campaign = funnel.engaged ? DEMO_CAMPAIGNS[1] : random.pick(DEMO_CAMPAIGNS);
		const sent =
			funnel.webinarAt !== null && funnel.engaged
				? funnel.webinarAt + HOUR
				: funnel.demoClickAt - random.int(2, 40) * HOUR;
		const sentAt = Math.min(sent, funnel.demoClickAt - 30 * MINUTE);
		const props = { subject: campaign.subject, campaign: campaign.campaign };
		const contact = t.randomContact();
		t.add('email_sent', sentAt, props, { contact });
		t.add('email_opened', funnel.demoClickAt - random.int(1, 20) * MINUTE, props, { contact });
		t.add('email_clicked', funnel.demoClickAt, props, { contact });
	}

	addPricingVisits(t, buyingEnd);
	addSalesTouches(t, funnel.firstTouchAt, decidedAt, deal ? 40 : random.int(2, 6));
	addDealMeetings(t);
}
