import {
	DOCS_PAGES,
	FEATURES,
	NEWSLETTER_CAMPAIGNS,
	PRODUCT_UPDATE_CAMPAIGNS,
	WEB_PAGES,
	type Campaign
} from './catalog';
import type { DraftTimeline } from './draftTimeline';
import type { CustomerPlan } from './planCustomer';
import type { Random } from '../../domain/random';
import { DAY, MINUTE } from './time';

type Range = readonly [number, number];

/** When a customer could log in: from day one to the last login, minus a planned break. */
function productRanges(c: CustomerPlan): Range[] {
	const start = c.since + DAY;
	if (c.lastLoginAt <= start) return [];
	if (!c.loginBreak) return [[start, c.lastLoginAt]];
	const ranges: Range[] = [
		[start, c.loginBreak[0]],
		[c.loginBreak[1], c.lastLoginAt]
	];
	return ranges.filter(([a, b]) => b > a);
}

function momentIn(random: Random, ranges: readonly Range[]): number {
	const total = ranges.reduce((sum, [a, b]) => sum + (b - a), 0);
	let offset = random.next() * total;
	for (const [a, b] of ranges) {
		if (offset < b - a) return Math.floor((a + offset) / 1000) * 1000;
		offset -= b - a;
	}
	return ranges[ranges.length - 1][0];
}

function addEmail(t: DraftTimeline, at: number, campaign: Campaign, clicked: boolean): void {
	const props = { subject: campaign.subject, campaign: campaign.campaign };
	const contact = t.randomContact();
	t.add('email_sent', at, props, { contact });
	if (t.random.chance(0.6)) t.add('email_opened', at + t.random.int(5, 900) * MINUTE, props, { contact });
	if (clicked) t.add('email_clicked', at + t.random.int(901, 1200) * MINUTE, props, { contact });
}

/**
 * Pads an account's timeline to its activity budget with background events that carry none of
 * the planted signals: no pricing visits, webinars, demo campaigns, sales or success touchpoints,
 * and no product use during a planned silence.
 */
export function addFiller(t: DraftTimeline, count: number): void {
	if (count <= 0) return;
	const { random, plan, window } = t;
	const c = plan.customer;
	const prospect: Range[] = [[plan.funnel.firstTouchAt, c ? c.since : window.now]];
	const product = c ? productRanges(c) : [];
	const customer: Range[] = c ? [[c.since, c.endAt]] : [];
	const goal = t.count + count;
	for (let guard = count * 3; t.count < goal && guard > 0; guard--) {
		const r = random.next();
		if (c && product.length && r < 0.75) {
			const at = momentIn(random, product);
			if (random.chance(0.45)) t.add('product_login', at, {}, { contact: true });
			else t.add('feature_used', at, { feature: random.pick(FEATURES) }, { contact: true });
		} else if (c && r < 0.88) {
			t.add('web_visit', momentIn(random, customer), { page: random.pick(DOCS_PAGES) }, { contact: true });
		} else if (c && r < 0.95) {
			addEmail(t, momentIn(random, customer), random.pick(PRODUCT_UPDATE_CAMPAIGNS), false);
		} else if (r < 0.6 || (c && r >= 0.95)) {
			const page = random.pick(WEB_PAGES);
			t.add('web_visit', momentIn(random, prospect), { page }, { contact: random.chance(0.7) });
		} else {
			addEmail(t, momentIn(random, prospect), random.pick(NEWSLETTER_CAMPAIGNS), random.chance(0.1));
		}
	}
	if (t.count > goal) t.drafts.length = goal;
}
