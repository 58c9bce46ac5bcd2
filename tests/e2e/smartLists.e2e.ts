import { expect, test } from '@playwright/test';
import { demo, gotoForm, signIn } from './session';
import { expectNoSeriousA11yViolations } from './axe';

const base = `/w/${demo.slug}`;

test('a member builds a smart list from the form, fixes a rule the app refused, and sees its members, size and changes', async ({ page }) => {
	await signIn(page, demo.email('success'));
	const stamp = Date.now().toString(36);
	const industry = `Robotics ${stamp}`;

	// An account only this test's filters can match.
	await gotoForm(page, `${base}/accounts/new`);
	await page.getByLabel('Account name').fill(`Smart Robotics ${stamp}`);
	await page.getByLabel('Lifecycle stage').selectOption('customer');
	await page.getByLabel('Industry').fill(industry);
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page).toHaveURL(/\/accounts\/[0-9a-f-]{36}$/);
	const accountUrl = new URL(page.url()).pathname;

	// The demo's example lists are there; the nav leads to them.
	await page.goto(base);
	await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Smart lists' }).click();
	await expect(page.getByRole('heading', { name: 'Smart lists', level: 1 })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Highly engaged leads' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Customers silent since onboarding' })).toBeVisible();
	await expectNoSeriousA11yViolations(page);

	await page.getByRole('link', { name: 'New list' }).click();
	await expect(page.getByRole('heading', { name: 'New smart list' })).toBeVisible();
	await expectNoSeriousA11yViolations(page);
	await page.getByLabel('Name').fill(`Robotics customers ${stamp}`);
	await page.getByLabel('Description').fill('Customers in robotics, for the sector review.');
	await page.getByRole('group', { name: 'Lifecycle stage' }).getByLabel('customer').check();
	await page.getByLabel('Industry').fill(industry.toLowerCase());
	await page.getByLabel('Rule (optional)').fill('count(product_login) >= 3 within');
	await page.getByRole('button', { name: 'Create list' }).click();
	// Refused with the rule language's own message; what was typed stays.
	await expect(page.getByText(/The rule could not be read\. Line 1, column \d+/)).toBeVisible();
	await expect(page.getByLabel('Rule (optional)')).toHaveAttribute('aria-invalid', 'true');
	// Focus is on the field to fix, not at the top of the page.
	await expect(page.getByLabel('Rule (optional)')).toBeFocused();
	await expect(page.getByRole('group', { name: 'Lifecycle stage' }).getByLabel('customer')).toBeChecked();

	await page.getByLabel('Rule (optional)').fill('');
	await page.getByRole('button', { name: 'Create list' }).click();
	await expect(page).toHaveURL(/\/lists\/[0-9a-f-]{36}$/);
	await expect(page.getByRole('heading', { name: `Robotics customers ${stamp}`, level: 1 })).toBeVisible();
	const members = page.getByRole('table', { name: `Accounts in Robotics customers ${stamp}` });
	await expect(members.getByRole('row')).toHaveCount(2);
	await expect(members.getByRole('link', { name: `Smart Robotics ${stamp}` })).toHaveAttribute('href', accountUrl);
	await expect(page.getByRole('table', { name: 'List size per day' }).getByRole('row').nth(1)).toContainText('1');
	// Created today: there is no snapshot from 30 days ago, so the first one (with the account) is the baseline.
	await expect(page.getByLabel('Since')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
	await expect(page.getByText('The list has no snapshot that old; its first one is used.')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Entered (0)' })).toBeVisible();
	await expectNoSeriousA11yViolations(page);

	// Edit: a stage the account is not in empties the list.
	await page.getByRole('link', { name: 'Edit list' }).click();
	await page.getByRole('group', { name: 'Lifecycle stage' }).getByLabel('customer').uncheck();
	await page.getByRole('group', { name: 'Lifecycle stage' }).getByLabel('lead').check();
	await page.getByRole('button', { name: 'Save list' }).click();
	await expect(page.getByText('No account is in this list right now.')).toBeVisible();

	// Delete.
	await page.getByText('Delete…').click();
	await page.getByRole('button', { name: 'Delete list' }).click();
	await expect(page).toHaveURL(new RegExp(`${base}/lists$`));
	await expect(page.getByRole('link', { name: `Robotics customers ${stamp}` })).toHaveCount(0);
});

test('a viewer reads smart lists but cannot create one', async ({ page }) => {
	await signIn(page, demo.email('viewer'));
	await page.goto(`${base}/lists`);
	await expect(page.getByRole('link', { name: 'Highly engaged leads' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'New list' })).toHaveCount(0);
	expect((await page.goto(`${base}/lists/new`))?.status()).toBe(403);
	expect((await page.goto(`${base}/lists/00000000-0000-4000-8000-000000000000`))?.status()).toBe(404);
});
