import { expect, test } from '@playwright/test';
import { demo, signIn } from './session';
import { expectNoSeriousA11yViolations } from './axe';

const kpis = `/w/${demo.slug}/kpis`;

test('the KPI dashboard shows each measure with its trend, table and CSV, and an admin enters a month’s cost for CAC', async ({ page }) => {
	await signIn(page, demo.email('owner'));
	await page.goto(kpis);
	await expect(page.getByRole('heading', { name: 'KPIs', level: 1 })).toBeVisible();
	for (const name of ['Churn rate', 'Lead conversion rate', 'Sales cycle length', 'Customer lifetime value', 'Customer acquisition cost', 'CSAT', 'NPS']) {
		await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
	}
	// The demo company has customers, churn, deals and surveys: these have figures.
	const churn = page.locator('section.kpi', { has: page.getByRole('heading', { name: 'Churn rate' }) });
	await expect(churn.locator('.big')).toHaveText(/^\d+\.\d%$/);
	await expect(page.locator('section.kpi', { has: page.getByRole('heading', { name: 'NPS' }) }).locator('.big')).toHaveText(/^[+-]\d+$/);
	await churn.getByText('Table and formula').click();
	await expect(churn.getByRole('table')).toContainText(/\d+\.\d%/);
	await expect(page.getByRole('heading', { name: 'Practice impact' })).toBeVisible();
	await expect(page.getByRole('table', { name: 'Practice impact per month' }).locator('tbody tr')).toHaveCount(12);
	await expectNoSeriousA11yViolations(page);
	await page.screenshot({ path: 'test-results/kpis.png', fullPage: true });

	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Download CSV' }).click();
	const file = await (await download).path();
	const { readFile } = await import('node:fs/promises');
	const csv = (await readFile(file!, 'utf8')).replace(/^\ufeff/, '');
	expect(csv.split('\r\n')[0]).toMatch(/^period,Churn rate \(%\),Lead conversion rate \(%\)/);
	expect(csv.split('\r\n').filter(Boolean).length).toBeGreaterThanOrEqual(14);

	// No cost yet: CAC has no figure. A cost for every month of the period gives it one.
	const cac = page.locator('section.kpi', { has: page.getByRole('heading', { name: 'Customer acquisition cost' }) });
	await expect(cac.locator('.big')).toHaveText('—');
	await page.getByLabel('Cost (USD)').fill('12 apples');
	await page.getByRole('button', { name: 'Save cost' }).click();
	await expect(page.getByText('Enter the cost in whole dollars')).toBeVisible();
	const months = await page.locator('section.kpi').first().getByRole('table').locator('tbody tr').count();
	expect(months).toBe(12);
	const to = new Date().toISOString().slice(0, 7);
	await page.getByRole('textbox', { name: /^Month/ }).fill(to);
	await page.getByLabel('Cost (USD)').fill('$45,000');
	await page.getByRole('button', { name: 'Save cost' }).click();
	await expect(page.getByRole('status')).toContainText(`Cost for ${to} saved`);
	await page.goto(`${kpis}?from=${to}&to=${to}`);
	await expect(page.locator('section.kpi', { has: page.getByRole('heading', { name: 'Customer acquisition cost' }) }).locator('.big')).not.toHaveText('');

	// A bad month in the URL is explained, not a 500.
	await page.goto(`${kpis}?from=2026-13`);
	await expect(page.getByRole('alert')).toContainText('is not a month: use YYYY-MM');
});

test('members see the KPIs but cannot enter costs', async ({ page }) => {
	await signIn(page, demo.email('sales'));
	await page.goto(kpis);
	await expect(page.getByRole('heading', { name: 'Churn rate' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Save cost' })).toHaveCount(0);
	const refused = await page.request.post(`${kpis}?/cost`, { form: { month: '2026-01', amount: '1' }, headers: { origin: new URL(page.url()).origin } });
	expect(refused.status()).toBe(403);
});
