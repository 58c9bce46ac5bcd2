import { expect, test } from '@playwright/test';
import { demo, signIn } from './session';
import { expectNoSeriousA11yViolations } from './axe';

test('signal trends show a chart and a table; trying a rule shows the parser’s message for a typo, then the backtest', async ({ page }) => {
	// A backtest over the whole demo store and two axe scans on a shared 2-core machine.
	test.setTimeout(180_000);
	await signIn(page, demo.email('success'));

	await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Signal trends' }).click();
	await expect(page.getByRole('heading', { name: 'Signal trends', level: 1 })).toBeVisible();
	await expect(page.getByRole('img', { name: /chart of signal hits per week by signal/ })).toBeVisible();
	const table = page.getByRole('table', { name: 'Signal hits per week by signal' });
	await expect(table).toBeVisible();
	await expect(table.getByRole('columnheader')).toHaveCount(2 + 26); // name, total, 26 weeks
	await expect(table.locator('tfoot')).toContainText('All');

	// Per family: the playbook's four families are rows.
	await page.getByLabel('Group hits by').selectOption('family');
	await page.getByRole('button', { name: 'Show' }).click();
	const families = page.getByRole('table', { name: 'Signal hits per week by family' });
	for (const family of ['Buying', 'Churn risk', 'Upsell', 'Support gap']) await expect(families.getByRole('rowheader', { name: family })).toBeVisible();
	const csvLink = page.getByRole('link', { name: 'Download CSV' });
	await expect(csvLink).toHaveAttribute('href', /trends\.csv\?view=family/);
	const csv = await page.request.get((await csvLink.getAttribute('href'))!);
	expect(csv.headers()['content-type']).toContain('text/csv');
	expect(await csv.text()).toMatch(/^\ufeff?Family,\d{4}-\d{2}-\d{2},[\s\S]*\r\nBuying,[\s\S]*\r\nAll,/);
	await expectNoSeriousA11yViolations(page);

	// Try a rule: a typo gets the parser's message, not an error page.
	await page.getByRole('link', { name: 'Try a rule' }).click();
	await expect(page.getByRole('heading', { name: 'Try a rule', level: 1 })).toBeVisible();
	await page.getByLabel('Rule', { exact: true }).fill('count(pricing_vist) >= 3 within 1d');
	await page.getByRole('button', { name: 'Run backtest' }).click();
	const problem = page.getByRole('alert').filter({ hasText: 'This rule cannot be read' });
	await expect(problem).toContainText('Line 1, column 7');
	await expect(problem).toContainText('pricing_visit');
	await expect(page.getByLabel('Rule', { exact: true })).toHaveAttribute('aria-invalid', 'true');

	// Fixed, it shows the figures.
	await page.getByLabel('Rule', { exact: true }).fill('no(product_login) for 21d and lifecycle in [customer, churned]');
	await page.getByRole('button', { name: 'Run backtest' }).click();
	const result = page.getByRole('region', { name: 'Backtest' });
	await expect(result).toContainText(/Fired on \d+ of \d+ accounts/);
	const figures = result.getByRole('table');
	for (const outcome of ['Closed won', 'Closed lost', 'Churned']) await expect(figures.getByRole('rowheader', { name: outcome })).toBeVisible();
	await expect(figures.getByRole('row', { name: /Churned/ })).toContainText(/\d+% \(\d+ of \d+\)/);
	await expectNoSeriousA11yViolations(page);
});
