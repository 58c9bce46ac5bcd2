import { expect, test } from '@playwright/test';
import { demo, gotoForm, signIn } from './session';
import { expectNoSeriousA11yViolations } from './axe';

const churn = `/w/${demo.slug}/case-studies/churn`;
const SILENCE = 'lifecycle = customer and no(product_login) for 21d';

test('a churn case study: pick recent churns, read their aligned timelines, measure a trigger and propose it', async ({ page }) => {
	await signIn(page, demo.email('facilitator'));
	await page.goto(churn);
	await expect(page.getByRole('heading', { name: 'Churn case study', level: 1 })).toBeVisible();

	// The three most recent churns are suggested, ticked, and shown side by side.
	const picks = page.getByRole('group', { name: /Most recent first/ }).getByRole('checkbox');
	await expect(picks.nth(0)).toBeChecked();
	await expect(picks.nth(2)).toBeChecked();
	await expect(picks.nth(3)).not.toBeChecked();
	await page.getByRole('button', { name: 'Show timelines side by side' }).click();

	const aligned = page.getByRole('table', { name: /Events before each churn/ });
	await expect(aligned.getByRole('columnheader')).toHaveCount(4);
	await expect(aligned.getByRole('rowheader', { name: '0–6 days' })).toBeVisible();
	// The churn itself sits at the top of each column.
	await expect(aligned.locator('tbody tr').first().getByText('Churned')).toHaveCount(3);
	await expect(page.getByRole('table', { name: 'Activity types in the window' })).toContainText(/of 3/);
	await expectNoSeriousA11yViolations(page);

	// A rule that does not parse says what is wrong.
	await page.getByLabel('Trigger rule').fill('no(product_login) for tomorrow');
	await page.getByRole('button', { name: 'Measure', exact: true }).click();
	await expect(page.getByRole('alert')).toContainText('Line 1, column');

	// The demo plants login silence before churn: it catches most churns, well above the base rate.
	await page.getByLabel('Trigger rule').fill(SILENCE);
	await page.getByRole('button', { name: 'Measure', exact: true }).click();
	const recall = page.locator('dt', { hasText: 'Recall' }).locator('xpath=..');
	await expect(recall).toContainText(/\d+ of \d+ churned accounts showed it in the 90 days before/);
	const recallShare = Number((await recall.locator('.big').textContent())!.replace('%', ''));
	expect(recallShare).toBeGreaterThanOrEqual(50);
	const lift = page.locator('dt', { hasText: 'Lift' }).locator('xpath=..').locator('.big');
	expect(Number((await lift.textContent())!.replace('×', ''))).toBeGreaterThan(1);
	await expect(page.locator('dt', { hasText: 'Median lead time' }).locator('xpath=..').locator('.big')).toHaveText(/\d+(\.\d)? days?/);
	// The picked timelines stay on the page while measuring.
	await expect(aligned.getByRole('columnheader')).toHaveCount(4);
	await expectNoSeriousA11yViolations(page);

	await page.getByLabel('Signal name').fill('Customer went quiet for three weeks');
	await page.getByRole('button', { name: 'Propose as a playbook signal' }).click();
	await expect(page).toHaveURL(/\/playbook\/proposals\/\d+$/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Customer went quiet for three weeks');
	await expect(page.getByText(/Recall: \d+ of \d+ churned accounts showed the trigger/).first()).toBeVisible();
});

test('the upsell predictor review lists recent upgrades and turns away a bad kind', async ({ page }) => {
	await signIn(page, demo.email('facilitator'));
	await page.goto(`/w/${demo.slug}/case-studies/upgrade`);
	await expect(page.getByRole('heading', { name: 'Upsell predictor review', level: 1 })).toBeVisible();
	await page.getByRole('button', { name: 'Show timelines side by side' }).click();
	await expect(page.getByRole('table', { name: /Events before each upgrade/ }).locator('tbody tr').first()).toContainText('Plan upgraded');
	// The demo plants enterprise questions weeks before upgrades: the playbook's signal is one click away.
	await page.getByRole('button', { name: 'Asking about enterprise features' }).click();
	await expect(page.locator('dt', { hasText: 'Recall' }).locator('xpath=..')).toContainText(/\d+ of \d+ upgraded accounts showed it in the 90 days before/);
	const lift = page.locator('dt', { hasText: 'Lift' }).locator('xpath=..').locator('.big');
	expect(Number((await lift.textContent())!.replace('×', ''))).toBeGreaterThan(1);
	await expect(page.getByText('The playbook’s signal “Asking about enterprise features” already runs this rule')).toBeVisible();
	const response = await page.goto(`/w/${demo.slug}/case-studies/renewal`);
	expect(response?.status()).toBe(404);
});

test('a churn case study item shows everyone the recent churns aligned in the live session, and counts the team’s tags', async ({ browser }) => {
	test.setTimeout(120_000);
	const facilitator = await (await browser.newContext()).newPage();
	await signIn(facilitator, demo.email('facilitator'));
	await gotoForm(facilitator, `/w/${demo.slug}/sessions/new`);
	await facilitator.getByLabel('Title', { exact: true }).fill(`Churn case study ${Date.now()}`);
	await facilitator.getByLabel('Objective').fill('Learn what came before our churns');
	const jonah = await facilitator.locator('#facilitatorId option', { hasText: 'Jonah Okafor' }).getAttribute('value');
	await facilitator.getByLabel('Facilitator').selectOption(jonah!);
	await facilitator.getByLabel('Title of item 1').fill('Three recent churns');
	await facilitator.getByLabel('Exercise').nth(0).selectOption({ label: 'Churn case study' });
	await facilitator.getByRole('button', { name: 'Plan session' }).click();
	await expect(facilitator.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();
	const url = facilitator.url();

	const seller = await (await browser.newContext()).newPage();
	await signIn(seller, demo.email('sales'));
	await seller.goto(url);
	await facilitator.getByRole('button', { name: 'Start the session' }).click();
	const panel = (page: typeof seller) => page.getByRole('region', { name: 'Churn case study: what came before each churn' });
	for (const page of [facilitator, seller]) await expect(panel(page).getByRole('table', { name: /Events before each churn/ }).getByRole('columnheader')).toHaveCount(4);
	await expect(panel(seller).getByRole('button', { name: /^Walk through/ })).toHaveCount(0);
	await expectNoSeriousA11yViolations(seller);

	// The facilitator opens the first churned account for everyone; the seller tags its churn.
	const walk = panel(facilitator).getByRole('button', { name: /^Walk through/ }).first();
	const name = (await walk.textContent())!.replace('Walk through ', '');
	await walk.click();
	await expect(seller.getByRole('heading', { name: `Timeline walkthrough: ${name}` })).toBeVisible();
	const event = seller.locator('li[id^="walk-"]').filter({ hasText: 'Churned' }).first();
	await event.getByRole('button', { name: 'Tag' }).click();
	await event.getByLabel('Signal').selectOption({ label: 'Pricing page viewed again and again' });
	await event.getByLabel('Risk').check();
	await event.getByLabel('What it means here').fill('They left for a bundled CRM');
	await event.getByRole('button', { name: 'Add tag' }).click();
	const tagged = panel(facilitator).getByRole('table', { name: 'Signals the team tagged before the churn' });
	await expect(tagged).toContainText('Pricing page viewed again and again');
	await expect(tagged).toContainText('1 of 3');
	await expect(panel(facilitator).getByRole('link', { name: 'Measure a trigger over the store' })).toHaveAttribute('href', /case-studies\/churn\?accounts=.*session=/);
});
