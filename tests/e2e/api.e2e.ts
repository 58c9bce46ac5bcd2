import { expect, test } from '@playwright/test';
import { demo, signIn } from './session';
import { expectNoSeriousA11yViolations } from './axe';

test('an admin creates a scoped API token, an integration uses it, and revoking it locks the integration out', async ({ page, request }) => {
	await signIn(page, demo.email('owner'));
	await page.goto(`/w/${demo.slug}/data/api`);
	await expect(page.getByRole('heading', { name: 'API tokens' })).toBeVisible();
	await expectNoSeriousA11yViolations(page);

	await page.getByLabel('Name').fill('Zendesk sync');
	await page.getByRole('checkbox', { name: /^read/ }).uncheck();
	await page.getByRole('button', { name: 'Create token' }).click();
	await expect(page.getByRole('alert').or(page.locator('.error'))).toContainText('Choose at least one scope.');
	await page.getByRole('checkbox', { name: /^read/ }).check();
	await page.getByRole('checkbox', { name: /^ingest/ }).check();
	await page.getByRole('button', { name: 'Create token' }).click();
	const secret = await page.getByLabel('New API token').inputValue();
	expect(secret).toMatch(/^sr_[a-z2-7]{32}$/);
	await expectNoSeriousA11yViolations(page);
	await page.screenshot({ path: 'test-results/api-tokens.png', fullPage: true });

	const listed = await request.get('/api/v1/accounts?limit=2', { headers: { Authorization: `Bearer ${secret}` } });
	expect(listed.status()).toBe(200);
	expect((await listed.json()).data).toHaveLength(2);
	const write = await request.post('/api/v1/accounts', { headers: { Authorization: `Bearer ${secret}` }, data: { name: 'Nope' } });
	expect(write.status()).toBe(403);

	// The secret is not shown again; the list shows it was used.
	await page.reload();
	await expect(page.getByLabel('New API token')).toHaveCount(0);
	const row = page.getByRole('row', { name: /Zendesk sync/ });
	await expect(row).not.toContainText('never');
	await row.getByRole('button', { name: 'Revoke token Zendesk sync' }).click();
	await expect(page.getByRole('status')).toContainText('Token revoked');
	const after = await request.get('/api/v1/accounts', { headers: { Authorization: `Bearer ${secret}` } });
	expect(after.status()).toBe(401);

	await page.getByRole('link', { name: 'API reference' }).click();
	await expect(page.getByRole('heading', { name: 'REST API reference' })).toBeVisible();
	await expect(page.getByRole('heading', { name: /POST \/api\/v1\/activities/ })).toBeVisible();
	await expectNoSeriousA11yViolations(page);
	await page.screenshot({ path: 'test-results/api-docs.png', fullPage: false });
});

test('an admin registers a webhook and sees its deliveries; members cannot open the page', async ({ page }) => {
	await signIn(page, demo.email('owner'));
	await page.goto(`/w/${demo.slug}/data/webhooks`);
	await expectNoSeriousA11yViolations(page);
	await page.getByLabel('URL').fill('ftp://example.com');
	await page.getByRole('button', { name: 'Add webhook' }).click();
	await expect(page.locator('.error').first()).toContainText('http:// or https://');
	await page.getByLabel('URL').fill('http://127.0.0.1:9/hooks');
	await page.getByRole('checkbox', { name: /deal\.stage_changed/ }).check();
	await page.getByRole('button', { name: 'Add webhook' }).click();
	await expect(page.getByLabel('Signing secret')).toHaveValue(/^whsec_[0-9a-f]{64}$/);
	await expect(page.locator('.endpoints')).toContainText('http://127.0.0.1:9/hooks');

	// Changing an account queues account.updated; the worker's failed attempt shows up with its error.
	await page.goto(`/w/${demo.slug}/accounts`);
	await page.getByRole('table').getByRole('link').first().click();
	await page.getByRole('link', { name: 'Edit account' }).click();
	await page.getByLabel('Industry').fill('Logistics');
	await page.getByRole('button', { name: /Save/ }).click();
	await page.goto(`/w/${demo.slug}/data/webhooks`);
	const delivery = page.getByRole('table').locator('tbody tr').first();
	await expect(delivery).toContainText('account.updated');
	await expect(async () => {
		await page.reload();
		await expect(page.getByRole('table').locator('tbody tr').first()).toContainText(/Retrying|Could not connect/);
	}).toPass();
	await expectNoSeriousA11yViolations(page);
	await page.screenshot({ path: 'test-results/webhooks.png', fullPage: true });
	await page.getByRole('button', { name: /^Redeliver delivery/ }).first().click();
	await expect(page.getByRole('status')).toContainText('Queued again');

	await page.context().clearCookies();
	await signIn(page, demo.email('sales'));
	const response = await page.goto(`/w/${demo.slug}/data/webhooks`);
	expect(response?.status()).toBe(403);
});
