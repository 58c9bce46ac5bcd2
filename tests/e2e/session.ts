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
