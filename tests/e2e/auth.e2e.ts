import { expect, test } from '@playwright/test';
import { demo, signIn } from './session';
import { expectNoSeriousA11yViolations } from './axe';

test('a new user signs up, lands in their own workspace, signs out and back in', async ({ page }) => {
	const email = `founder-${Date.now()}@example.test`;
	await page.goto('/signup');
	await expectNoSeriousA11yViolations(page);
	await page.getByLabel('Your name').fill('Frida Founder');
	await page.getByLabel('Work email').fill(email);
	await page.getByLabel('Password').fill('short');
	await page.getByLabel('Workspace name').fill('Frida Revenue Team');
	await page.getByLabel('Your department').selectOption('marketing');
	await page.getByRole('button', { name: 'Create workspace' }).click();
	await expect(page.getByText('Use at least 10 characters for your password.')).toBeVisible();
	await expect(page.getByLabel('Work email')).toHaveValue(email);

	await page.getByLabel('Password').fill('a much longer password');
	await page.getByRole('button', { name: 'Create workspace' }).click();
	await expect(page).toHaveURL(/\/w\/frida-revenue-team/);
	await expect(page.getByRole('heading', { level: 1, name: 'Frida Revenue Team' })).toBeVisible();
	await expect(page.getByText('owner · Marketing')).toBeVisible();

	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page).toHaveURL(/\/login/);
	await page.goto('/w/frida-revenue-team');
	await expect(page).toHaveURL(/\/login\?next=/);

	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill('not the password');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toHaveText('That email and password do not match. Check both and try again.');
	await page.getByLabel('Password').fill('a much longer password');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(/\/w\/frida-revenue-team$/);
});

test('an admin invites a colleague by link, who joins with the invited role and department', async ({ page, browser }) => {
	await signIn(page, demo.email('owner'));
	await page.goto(`/w/${demo.slug}/members`);
	await expectNoSeriousA11yViolations(page);
	await page.getByLabel('Role', { exact: true }).selectOption('facilitator');
	await page.getByLabel('Department', { exact: true }).selectOption('support');
	await page.getByRole('button', { name: 'Create invitation link' }).click();
	const link = await page.getByLabel('Invitation link').inputValue();
	expect(link).toMatch(/\/invite\/[a-z0-9]+$/);

	const guest = await browser.newContext();
	const guestPage = await guest.newPage();
	await guestPage.goto(link);
	await expect(guestPage.getByText('You are invited as facilitator in Support.')).toBeVisible();
	await guestPage.getByLabel('Your name').fill('Ines Invited');
	await guestPage.getByLabel('Work email').fill(`ines-${Date.now()}@example.test`);
	await guestPage.getByLabel('Password').fill('a long enough password');
	await guestPage.getByRole('button', { name: 'Create account and join' }).click();
	await expect(guestPage).toHaveURL(new RegExp(`/w/${demo.slug}$`));
	await expect(guestPage.getByText('facilitator · Support')).toBeVisible();

	await guestPage.goto(link);
	await expect(guestPage.getByRole('heading', { name: 'This invitation cannot be used' })).toBeVisible();
	await guest.close();
});

test('a form posted from another site is refused', async ({ request }) => {
	const response = await request.post('/login', {
		headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
		data: `email=${encodeURIComponent(demo.email('owner'))}&password=${demo.password}`
	});
	expect(response.status()).toBe(403);
	expect(response.headers()['set-cookie'] ?? '').not.toContain('signalroom_session');
});
