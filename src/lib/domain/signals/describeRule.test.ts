import { describe, expect, it } from 'vitest';
import { ACTIVITY_TYPES } from '$lib/domain/crm/activityTypes';
import { describeRule } from './describeRule';
import { parseRule } from './parseRule';

function words(source: string): string {
	const result = parseRule(source);
	if (!result.ok) throw new Error(result.error.message);
	return describeRule(result.rule);
}

describe('describeRule', () => {
	it('says counts with each comparison and plural or singular nouns', () => {
		expect(words('count(pricing_visit) >= 3 within 1d')).toBe('at least 3 pricing page visits within 1 day');
		expect(words('count(proposal_viewed) > 1 within 7d')).toBe('more than 1 proposal viewed within 7 days');
		expect(words('count(ticket_opened) = 2 within 2w')).toBe('exactly 2 support tickets opened within 2 weeks');
		expect(words('count(product_login) <= 4 within 12h')).toBe('at most 4 product logins within 12 hours');
		expect(words('count(product_login) < 2 within 30m')).toBe('fewer than 2 product logins within 30 minutes');
		expect(words('count(email_replied) >= 1 within 1m')).toBe('at least 1 email replied within 1 minute');
	});

	it('says absences', () => {
		expect(words('no(product_login) for 21d')).toBe('no product login for 21 days');
		expect(words('no(churned) for 1w')).toBe('no churn for 1 week');
	});

	it('says sequences with articles and filters', () => {
		expect(words('webinar_attended then email_clicked where campaign ~ "demo" within 3d')).toBe(
			'a webinar attended, then within 3 days an email clicked whose campaign contains “demo”'
		);
	});

	it('says event filters with every comparison', () => {
		expect(
			words(
				'count(survey_answered where kind = nps and score >= 9 and score > 8 and score < 11 and score <= 10 and kind != csat) >= 1 within 1d'
			)
		).toBe(
			'at least 1 survey answered whose kind is nps and score is at least 9 and score is more than 8 and score is less than 11 and score is at most 10 and kind is not csat within 1 day'
		);
		expect(words('count(ticket_opened where sentiment in [negative, angry, "very upset"] and duration_min = 5) >= 2 within 30d')).toBe(
			'at least 2 support tickets opened whose sentiment is negative, angry or “very upset” and duration min is 5 within 30 days'
		);
		expect(words('count(web_visit where page = "/pricing") >= 3 within 1d')).toBe(
			'at least 3 web visits whose page is /pricing within 1 day'
		);
	});

	it('says account and contact attributes', () => {
		expect(words('lifecycle = customer and plan in [pro, enterprise]')).toBe(
			'lifecycle is customer and plan is pro or enterprise'
		);
		expect(words('arr >= 20000')).toBe('ARR is at least 20000');
		expect(words('plan in [pro]')).toBe('plan is pro');
		expect(words('industry ~ "health care"')).toBe('industry contains “health care”');
		expect(words('contact.lifecycle = sql')).toBe("a contact's lifecycle is sql");
		expect(words('contact.title = "Head of Sales"')).toBe("a contact's title is “Head of Sales”");
	});

	it('keeps the grouping of and/or visible, and says not', () => {
		expect(words('lifecycle = customer and (plan = pro or arr > 10)')).toBe(
			'lifecycle is customer and (plan is pro or ARR is more than 10)'
		);
		expect(words('lifecycle = customer and plan = pro or arr > 10')).toBe(
			'(lifecycle is customer and plan is pro) or ARR is more than 10'
		);
		expect(words('(lifecycle = customer and plan = pro) and arr > 10')).toBe(
			'lifecycle is customer and plan is pro and ARR is more than 10'
		);
		expect(words('no(product_login) for 10d and not count(email_replied) >= 1 within 14d')).toBe(
			'no product login for 10 days and not (at least 1 email replied within 14 days)'
		);
	});

	it('has words for every activity type', () => {
		for (const type of ACTIVITY_TYPES) {
			expect(words(`count(${type}) >= 2 within 1d`)).toMatch(/^at least 2 [a-z ]+ within 1 day$/);
			expect(words(`no(${type}) for 1d`)).toMatch(/^no [a-z ]+ for 1 day$/);
		}
	});
});
