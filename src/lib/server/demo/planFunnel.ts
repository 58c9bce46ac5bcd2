import type { DealStage, Plan } from '../../domain/crm/vocabulary';
import { LOST_REASONS } from './catalog';
import { PLAN_ARR } from './demoCompany';
import type { Quotas, Random } from '../../domain/random';
import { DAY, HOUR, atWorkHour, dayStart, type DemoWindow } from './time';

export type Journey = 'lead' | 'open' | 'lost' | 'won';

export interface DealPlan {
	stage: DealStage;
	openedAt: number;
	/** Actual close for won and lost deals; the expected close (in the future) for open ones. */
	closeAt: number;
	plan: Plan;
	amount: number;
	lostReason: string | null;
}

/** How one account moved (or did not) from first touch to a decision. */
export interface FunnelPlan {
	journey: Journey;
	firstTouchAt: number;
	/** Pattern 1: attended a webinar and clicked a demo email within 3 days after it. */
	engaged: boolean;
	webinarAt: number | null;
	demoClickAt: number | null;
	/** Three or more sales follow-ups within one week. */
	followUpBurst: boolean;
	/** Pattern 3: UTC day with 3+ pricing page visits. */
	pricingBurstDay: number | null;
	deal: DealPlan | null;
}

export function priceOf(random: Random, plan: Plan): number {
	const [low, high] = PLAN_ARR[plan];
	return Math.round(random.between(low, high) / 100) * 100;
}

/** Close rates differ by behaviour: this is where patterns 1 and "three follow-ups" are planted. */
function pickJourney(random: Random, quotas: Quotas, engaged: boolean, followUpBurst: boolean): Journey {
	if (engaged) {
		return quotas.take('engaged-won', 0.8)
			? 'won'
			: random.weighted<Journey>([
					['lost', 0.4],
					['open', 0.35],
					['lead', 0.25]
				]);
	}
	const won = followUpBurst ? 0.42 : 0.17;
	if (quotas.take(followUpBurst ? 'followed-up-won' : 'other-won', won)) return 'won';
	const lost = 0.14 / (1 - won);
	return random.weighted<Journey>([
		['lost', lost],
		['open', lost],
		['lead', 1 - 2 * lost]
	]);
}

function dayIn(random: Random, from: number, to: number): number {
	const days = Math.max(0, Math.floor((to - from) / DAY));
	return atWorkHour(random, from + random.int(0, days) * DAY);
}

function planDeal(random: Random, journey: Journey, openedAt: number, closeAt: number, large: boolean): DealPlan {
	const plan = large
		? 'enterprise'
		: random.weighted<Plan>([
				['starter', 0.35],
				['pro', 0.5],
				['enterprise', 0.15]
			]);
	const stage: DealStage =
		journey === 'won'
			? 'closed_won'
			: journey === 'lost'
				? 'closed_lost'
				: random.weighted<DealStage>([
						['discovery', 0.3],
						['qualification', 0.3],
						['proposal', 0.22],
						['negotiation', 0.18]
					]);
	return {
		stage,
		openedAt,
		closeAt,
		plan,
		amount: priceOf(random, plan),
		lostReason: journey === 'lost' ? random.pick(LOST_REASONS) : null
	};
}

/** Decides an account's buying story. `forceWon` makes the early enterprise customer of a heavy account. */
export function planFunnel(random: Random, quotas: Quotas, window: DemoWindow, forceWon = false): FunnelPlan {
	const { start, now } = window;
	const engaged = !forceWon && random.chance(0.16);
	const followUpBurst = random.chance(0.35);
	const journey: Journey = forceWon ? 'won' : pickJourney(random, quotas, engaged, followUpBurst);
	const leadDays = random.int(14, 60);
	const cycleDays = random.int(20, 75);

	let firstTouchAt: number;
	let deal: DealPlan | null = null;
	if (journey === 'won' || journey === 'lost') {
		const latest = now - (leadDays + cycleDays + (journey === 'won' ? 10 : 2)) * DAY;
		const skew = forceWon ? 0 : journey === 'won' ? random.next() ** 1.6 : random.next();
		firstTouchAt = atWorkHour(random, start + DAY + skew * (latest - start - DAY));
		const openedAt = atWorkHour(random, firstTouchAt + leadDays * DAY);
		deal = planDeal(random, journey, openedAt, atWorkHour(random, openedAt + cycleDays * DAY), forceWon);
	} else if (journey === 'open') {
		const openedAt = atWorkHour(random, now - random.int(3, 80) * DAY);
		firstTouchAt = atWorkHour(random, Math.max(start + DAY, openedAt - leadDays * DAY));
		deal = planDeal(random, journey, openedAt, atWorkHour(random, now + random.int(10, 60) * DAY), false);
	} else {
		firstTouchAt = dayIn(random, start + DAY, now - 10 * DAY);
	}

	const buyingEnd = deal ? deal.openedAt : now;
	let webinarAt: number | null = null;
	let demoClickAt: number | null = null;
	if (engaged) {
		webinarAt = dayIn(random, firstTouchAt + 2 * DAY, buyingEnd - 4 * DAY);
		demoClickAt = webinarAt + random.int(2 * 3600, 68 * 3600) * 1000;
	} else {
		if (random.chance(0.35)) webinarAt = dayIn(random, firstTouchAt + DAY, buyingEnd - DAY);
		if (random.chance(0.3)) demoClickAt = dayIn(random, firstTouchAt + DAY, buyingEnd - DAY);
		// Noise must not fall into the planted window: a click within 3 days after a webinar.
		if (
			webinarAt !== null &&
			demoClickAt !== null &&
			demoClickAt > webinarAt - DAY &&
			demoClickAt < webinarAt + 5 * DAY
		) {
			demoClickAt = null;
		}
	}

	let pricingBurstDay: number | null = null;
	if (deal && random.chance(0.65)) {
		pricingBurstDay = dayStart(deal.openedAt) - random.int(1, 13) * DAY;
	} else if (!deal && random.chance(0.1)) {
		pricingBurstDay = dayStart(dayIn(random, firstTouchAt + DAY, now - DAY));
	}
	if (pricingBurstDay !== null && pricingBurstDay + 20 * HOUR < firstTouchAt) pricingBurstDay = null;

	return { journey, firstTouchAt, engaged, webinarAt, demoClickAt, followUpBurst, pricingBurstDay, deal };
}
