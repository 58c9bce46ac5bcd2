import { expect, test } from '@playwright/test';
import { demo, openForEveryone, planSession, signIn } from './session';
import { expectNoSeriousA11yViolations } from './axe';

test('a facilitator and two participants run a session live: agenda, follow the facilitator, tags seen by all', async ({ browser }) => {
	const facilitator = await (await browser.newContext()).newPage();
	await signIn(facilitator, demo.email('facilitator'));
	await facilitator.goto(`/w/${demo.slug}/sessions/new`);
	await expectNoSeriousA11yViolations(facilitator);
	const title = `Churn review ${Date.now()}`;
	const url = await planSession(facilitator, title);
	await expect(facilitator.getByRole('heading', { level: 1 })).toContainText(title);

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
	await facilitator.getByRole('button', { name: 'Next item' }).click();
	await expect(seller.locator('[aria-current="step"]')).toHaveText(/Walk a customer journey together/);

	const opened = await openForEveryone(facilitator);
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
