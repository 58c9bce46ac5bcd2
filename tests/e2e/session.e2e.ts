import { expect, test } from '@playwright/test';
import { demo, pickAccount, planSession, signIn } from './session';
import { expectNoSeriousA11yViolations } from './axe';

test('a facilitator and two participants run a session live: agenda, follow the facilitator, tags seen by all', async ({ browser }) => {
	const facilitator = await (await browser.newContext()).newPage();
	await signIn(facilitator, demo.email('facilitator'));
	await facilitator.goto(`/w/${demo.slug}/sessions/new`);
	await expectNoSeriousA11yViolations(facilitator);
	const title = `Churn review ${Date.now()}`;
	const url = await planSession(facilitator, title);
	await expect(facilitator.getByRole('heading', { level: 1 })).toContainText(title);
	// The tab says which session, and in which workspace.
	await expect(facilitator).toHaveTitle(`${title} · Sessions · Lumetric (demo)`);

	const seller = await (await browser.newContext()).newPage();
	await signIn(seller, demo.email('sales'));
	await seller.goto(url);
	const support = await (await browser.newContext()).newPage();
	await signIn(support, demo.email('support'));
	await support.goto(url);
	for (const page of [facilitator, seller, support]) {
		await expect(page.getByRole('region', { name: 'Who is here' })).toContainText('Diego Alvarez · Sales');
		await expect(page.getByRole('region', { name: 'Who is here' })).toContainText('Tomás Silva · Support');
	}
	// Participants cannot steer.
	await expect(seller.getByRole('button', { name: 'Start the session' })).toHaveCount(0);

	await facilitator.getByRole('button', { name: 'Start the session' }).click();
	await expect(seller.getByRole('heading', { level: 1 })).toContainText('live');
	// The Start button is gone; focus is on the live controls, not lost to the page.
	await expect(facilitator.getByRole('group', { name: 'Facilitator controls' }).locator('button:focus')).toHaveCount(1);
	await facilitator.getByRole('button', { name: 'Next item' }).click();
	await expect(seller.locator('[aria-current="step"]')).toHaveText(/Walk a customer journey together/);

	// By keyboard: the search takes one account, so once it is picked focus stays on it (the box is
	// disabled), Tab reaches 'Open for everyone', and after opening focus is back in the search.
	const opened = await pickAccount(facilitator, 'Find an account to walk through', 'a');
	await expect(facilitator.getByRole('button', { name: `Remove ${opened}` })).toBeFocused();
	await facilitator.keyboard.press('Tab');
	await expect(facilitator.getByRole('button', { name: 'Open for everyone' })).toBeFocused();
	await facilitator.keyboard.press('Enter');
	await expect(facilitator.getByRole('heading', { name: `Timeline walkthrough: ${opened}` })).toBeVisible();
	await expect(facilitator.getByRole('combobox', { name: 'Find an account to walk through' })).toBeFocused();
	await expect(seller.getByRole('heading', { name: `Timeline walkthrough: ${opened}` })).toBeVisible();
	await expect(seller.locator('li[id^="walk-"]').first()).toBeVisible();
	await facilitator.locator('li[id^="walk-"]').nth(2).getByRole('button', { name: 'Show everyone' }).click();
	const focusedId = await facilitator.locator('li[id^="walk-"]').nth(2).getAttribute('id');
	await expect(seller.locator('li.focused')).toHaveAttribute('id', focusedId!);
	await expect(support.locator('li.focused')).toHaveAttribute('id', focusedId!);
	await expectNoSeriousA11yViolations(seller);

	// The seller tags the focused event; everyone sees it with the seller's department.
	const event = seller.locator('li.focused');
	await event.getByRole('button', { name: 'Tag' }).click();
	await event.getByLabel('Signal').selectOption({ label: 'Pricing page viewed again and again' });
	await event.getByLabel('Risk').check();
	await event.getByLabel('What it means here').fill('Comparing plans before the renewal');
	await event.getByRole('button', { name: 'Add tag' }).click();
	// The form closes and focus goes back to the event's Tag button.
	await expect(event.getByRole('button', { name: 'Tag', exact: true })).toBeFocused();
	for (const page of [facilitator, support]) {
		await expect(page.locator('.tag').filter({ hasText: 'Comparing plans before the renewal' })).toContainText('Sales');
	}

	// Step away and rejoin with one click.
	await support.getByRole('button', { name: 'Stop following' }).click();
	await support.getByRole('button', { name: 'Follow the facilitator' }).click();

	await seller.getByLabel('New insight').fill('Renewal risk shows in pricing visits first');
	await seller.getByRole('button', { name: 'Add insight' }).click();
	await expect(facilitator.getByText('Renewal risk shows in pricing visits first')).toBeVisible();
	await expect(facilitator.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();
});
