import { expect, test, type Page } from '@playwright/test';
import { demo, gotoForm, pickAccount, signIn } from './session';
import { expectNoSeriousA11yViolations } from './axe';

/** The lead card of `name` in the calibration panel. */
const card = (page: Page, name: string) => page.locator('article.lead-card').filter({ has: page.getByRole('heading', { name }) });

async function rateLead(page: Page, name: string, score: number, reason: string) {
	const lead = card(page, name);
	await lead.getByLabel('Your rating as a number').fill(String(score));
	await lead.getByLabel('Why (optional)').fill(reason);
	await lead.getByRole('button', { name: 'Save my rating' }).click();
	await expect(lead.getByRole('status')).toHaveText(`Saved: ${score}`);
}

test('three participants calibrate leads in private, reveal, agree a consensus and end in a weights proposal', async ({ browser }) => {
	test.setTimeout(120_000);
	const facilitator = await (await browser.newContext()).newPage();
	await signIn(facilitator, demo.email('facilitator'));
	await gotoForm(facilitator, `/w/${demo.slug}/sessions/new`);
	const title = `Lead calibration ${Date.now()}`;
	await facilitator.getByLabel('Title', { exact: true }).fill(title);
	await facilitator.getByLabel('Objective').fill('Agree what a qualified lead looks like');
	const jonah = await facilitator.locator('#facilitatorId option', { hasText: 'Jonah Okafor' }).getAttribute('value');
	await facilitator.getByLabel('Facilitator').selectOption(jonah!);
	await facilitator.getByLabel('Title of item 1').fill('Rate this week’s leads');
	await facilitator.getByLabel('Exercise').nth(0).selectOption({ label: 'Lead qualification calibration' });
	const leads: string[] = [];
	for (const text of ['a', 'e', 'o']) {
		const name = await pickAccount(facilitator, 'Accounts for item 1', text);
		if (!leads.includes(name)) leads.push(name);
	}
	expect(leads.length).toBeGreaterThanOrEqual(2);
	await facilitator.getByRole('button', { name: 'Plan session' }).click();
	await expect(facilitator.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();
	const url = facilitator.url();

	const seller = await (await browser.newContext()).newPage();
	await signIn(seller, demo.email('sales'));
	await seller.goto(url);
	const marketer = await (await browser.newContext()).newPage();
	await signIn(marketer, demo.email('marketing'));
	await marketer.goto(url);
	await facilitator.getByRole('button', { name: 'Start the session' }).click();
	const panel = (page: Page) => page.getByRole('region', { name: 'Lead qualification calibration' });
	for (const page of [facilitator, seller, marketer]) await expect(card(page, leads[0]).getByLabel('Your rating as a number')).toBeVisible();
	await expect(card(seller, leads[0]).getByRole('link', { name: 'timeline' })).toBeVisible();

	// Everyone rates every lead; before the reveal others see who rated, not what.
	const scores = { facilitator: [80, 30, 55], seller: [90, 20, 60], marketer: [60, 45, 35] };
	for (const [i, name] of leads.entries()) {
		await rateLead(seller, name, scores.seller[i], `Seller reason ${i}`);
		await rateLead(marketer, name, scores.marketer[i], `Marketing reason ${i}`);
		await rateLead(facilitator, name, scores.facilitator[i], `Facilitator reason ${i}`);
	}
	const chips = card(seller, leads[0]).getByLabel('Who has rated');
	for (const who of ['Jonah Okafor', 'Diego Alvarez', 'Chloe Dubois']) await expect(chips).toContainText(who);
	await expect(panel(seller)).not.toContainText('Marketing reason 0');
	await expectNoSeriousA11yViolations(seller);

	await facilitator.getByRole('button', { name: 'Reveal all rated leads' }).click();
	for (const page of [seller, marketer]) {
		const ratings = page.getByRole('table', { name: `Ratings of ${leads[0]}` });
		await expect(ratings).toContainText('Marketing reason 0');
		await expect(ratings).toContainText('Highest: speaks first');
		await expect(ratings).toContainText('Lowest: speaks first');
	}
	await expect(panel(marketer)).toContainText("Agreement between raters (Krippendorff's alpha, interval)");
	await expect(panel(marketer).getByRole('table', { name: 'Each rater against the team' })).toContainText('Diego Alvarez');
	await expect(panel(marketer).getByRole('table', { name: 'Agreement between departments' })).toContainText('Marketing vs Sales');
	await expectNoSeriousA11yViolations(marketer);

	// Reopen one lead for a re-vote; its first vote stays on record.
	await card(facilitator, leads[1]).getByRole('button', { name: 'Reopen for a new vote' }).click();
	await rateLead(seller, leads[1], 35, 'On second thought');
	await card(facilitator, leads[1]).getByRole('button', { name: `Reveal ${leads[1]}` }).click();
	await expect(card(marketer, leads[1]).getByText('Earlier votes (1)')).toBeVisible();

	const consensus = [85, 30, 50];
	for (const [i, name] of leads.entries()) {
		const lead = card(facilitator, name);
		await lead.getByLabel(`Consensus score for ${name}`).fill(String(consensus[i]));
		await lead.getByRole('button', { name: 'Record consensus' }).click();
		await expect(card(seller, name).locator('dd').nth(5)).toHaveText(String(consensus[i]));
	}
	await facilitator.getByLabel('Qualification criteria the team agreed').fill('A demo request within a week of a webinar qualifies a lead');
	await facilitator.getByRole('button', { name: 'Record the criteria' }).click();

	await facilitator.getByRole('link', { name: /Review the weights proposal/ }).click();
	await expect(facilitator.getByRole('heading', { level: 1 })).toContainText('Weights proposal: Rate this week’s leads');
	await expect(facilitator.getByRole('heading', { name: 'Weights, before and after' })).toBeVisible();
	await expect(facilitator.getByText('Past deals, ROC AUC')).toBeVisible();
	await expect(facilitator.getByText('A demo request within a week of a webinar qualifies a lead')).toBeVisible();
	await expectNoSeriousA11yViolations(facilitator);
	await facilitator.getByRole('button', { name: 'Open a playbook proposal' }).click();
	await expect(facilitator).toHaveURL(/\/playbook\/proposals\/\d+$/);
	await expect(facilitator.getByRole('heading', { level: 1 })).toContainText('Lead score weights');

	// The agreement stays with the session: on its summary and in the Markdown export.
	await facilitator.goto(url);
	facilitator.once('dialog', (dialog) => void dialog.accept());
	await facilitator.getByRole('button', { name: 'End session' }).click();
	await facilitator.getByRole('link', { name: 'Read the summary' }).click();
	const summary = facilitator.getByRole('region', { name: 'Lead qualification calibration: Rate this week’s leads' });
	await expect(summary).toContainText("Agreement between raters (Krippendorff's alpha, interval):");
	await expect(summary).toContainText('A demo request within a week of a webinar qualifies a lead');
	await expect(summary).toContainText('Vote 1:');
	await expectNoSeriousA11yViolations(facilitator);
	const exported = await (await facilitator.request.get(`${facilitator.url()}/export`)).text();
	expect(exported).toMatch(/\*\*Agreement between raters \(Krippendorff's alpha, interval\):\*\* -?\d\.\d\d over \d leads and \d+ ratings\./);
});
