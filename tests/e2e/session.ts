import { expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_SLUG, demoUserEmail } from '../../src/lib/server/demo/demoCompany';

export const demo = {
	slug: DEMO_SLUG,
	password: DEMO_PASSWORD,
	email: (key: string) => demoUserEmail(key, DEMO_SLUG)
};

/** Signs in through the real form, as a person would. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
	await page.goto('/login');
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).not.toHaveURL(/\/login/);
}

/**
 * Opens a form page and waits until it has hydrated (the root layout marks <html>). Hydration
 * sets each bound select from the page's data, so a choice made before it is undone (a
 * facilitator picked before, in one CI run: the session was planned for the suggested one).
 */
export async function gotoForm(page: Page, url: string) {
	await page.goto(url);
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
}

/** Plans a session through the form with the demo facilitator (Jonah) in charge; returns its live page's URL. */
export async function planSession(page: Page, title: string, objective = 'Spotting churn signals in onboarding') {
	await gotoForm(page, `/w/${demo.slug}/sessions/new`);
	await page.getByLabel('Title', { exact: true }).fill(title);
	await page.getByLabel('Objective').fill(objective);
	const facilitator = await page.locator('#facilitatorId option', { hasText: 'Jonah Okafor' }).getAttribute('value');
	await page.getByLabel('Facilitator').selectOption(facilitator!);
	await page.getByRole('button', { name: 'Plan session' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();
	return page.url();
}

/**
 * Picks the first account matching `text` in the account picker labelled `label` (the combobox
 * pattern): by keyboard (↓ then Enter) or by a click. Returns the picked account's name.
 */
export async function pickAccount(page: Page, label: string, text: string, how: 'keyboard' | 'mouse' = 'keyboard') {
	const box = page.getByRole('combobox', { name: label });
	await box.fill(text);
	const listbox = page.locator(`[id="${await box.getAttribute('aria-controls')}"]`);
	const first = listbox.getByRole('option').first();
	await expect(first).toBeVisible();
	await expect(box).toHaveAttribute('aria-expanded', 'true');
	const name = (await first.locator('.name').textContent())!;
	if (how === 'keyboard') {
		await box.press('ArrowDown');
		await expect(first).toHaveAttribute('aria-selected', 'true');
		await expect(box).toHaveAttribute('aria-activedescendant', (await first.getAttribute('id'))!);
		await box.press('Enter');
	} else await first.click();
	await expect(box).toHaveValue('');
	return name;
}

/** The facilitator opens an account found by `text` for everyone in the walkthrough. */
export async function openForEveryone(page: Page, text = 'a') {
	const name = await pickAccount(page, 'Find an account to walk through', text);
	await page.getByRole('button', { name: 'Open for everyone' }).click();
	await expect(page.getByRole('heading', { name: `Timeline walkthrough: ${name}` })).toBeVisible();
	return name;
}
