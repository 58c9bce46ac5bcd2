import { expect, test } from '@playwright/test';
import { demo, signIn } from './session';
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
	const response = await page.goto(`/w/${demo.slug}/case-studies/renewal`);
	expect(response?.status()).toBe(404);
});
