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

/** Plans a session through the form with the demo facilitator (Jonah) in charge; returns its live page's URL. */
export async function planSession(page: Page, title: string, objective = 'Spotting churn signals in onboarding') {
	await page.goto(`/w/${demo.slug}/sessions/new`);
	await page.getByLabel('Title', { exact: true }).fill(title);
	await page.getByLabel('Objective').fill(objective);
	const facilitator = await page.locator('#facilitatorId option', { hasText: 'Jonah Okafor' }).getAttribute('value');
	await page.getByLabel('Facilitator').selectOption(facilitator!);
	await page.getByRole('button', { name: 'Plan session' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();
	return page.url();
}
