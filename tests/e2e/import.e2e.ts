import { expect, test, type Page } from '@playwright/test';
import { demo, signIn } from './session';
import { expectNoSeriousA11yViolations } from './axe';

/** A HubSpot contacts export: BOM, quoted header, an empty trailing column, HubSpot's lifecycle names. */
function hubspotContacts(tag: string, thirdEmail: string) {
	return Buffer.from(
		'\ufeff"Record ID","First Name","Last Name","Email","Lifecycle Stage","Create Date",""\r\n' +
			`"e2e-${tag}-1","Ann","Import${tag}","ann.${tag}@northwind.example","marketingqualifiedlead","2024-03-05 09:14",""\r\n` +
			`"e2e-${tag}-2","Bo","Import${tag}","bo.${tag}@northwind.example","salesqualifiedlead","03/06/2024",""\r\n` +
			`"e2e-${tag}-3","Cara","Import${tag}","${thirdEmail}","customer","2024-03-07",""\r\n`
	);
}

async function upload(page: Page, name: string, contents: Buffer) {
	await page.getByLabel('Contacts').check();
	await page.getByLabel('CSV file').setInputFiles({ name, mimeType: 'text/csv', buffer: contents });
	await page.getByRole('button', { name: 'Upload and map columns' }).click();
	await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

test('an admin imports a HubSpot contacts export: dry run, fix the reported error, import, see the contacts', async ({ page }) => {
	const tag = Date.now().toString(36);
	await signIn(page, demo.email('owner'));
	await page.goto(`/w/${demo.slug}/contacts`);
	await page.getByRole('link', { name: 'Import CSV' }).click();
	await expect(page.getByRole('heading', { name: 'Import CSV' })).toBeVisible();
	await expectNoSeriousA11yViolations(page);

	await upload(page, `hubspot-contacts-${tag}.csv`, hubspotContacts(tag, `cara.${tag}@contoso`));
	await expect(page.getByText('Detected: HubSpot export')).toBeVisible();
	await expect(page.getByLabel('Email', { exact: true })).toHaveValue('3');
	await expectNoSeriousA11yViolations(page);

	await page.getByRole('button', { name: 'Check the file (dry run)' }).click();
	const report = page.getByRole('region', { name: 'Dry run report' });
	await expect(report).toBeVisible();
	await expect(report.locator('dl div', { hasText: 'To create' }).locator('dd')).toHaveText('2');
	await expect(report.locator('dl div', { hasText: 'Errors' }).locator('dd')).toHaveText('1');
	const problem = report.getByRole('row', { name: /not an email address/ });
	await expect(problem.getByRole('cell').nth(0)).toHaveText('4');
	await expect(problem.getByRole('cell').nth(1)).toHaveText('Email');
	await expect(problem).toContainText(`"cara.${tag}@contoso" is not an email address`);
	await expectNoSeriousA11yViolations(page);

	const errorsLink = report.getByRole('link', { name: 'Download these rows as CSV' });
	const errorsCsv = await page.request.get((await errorsLink.getAttribute('href'))!);
	expect(errorsCsv.headers()['content-disposition']).toContain('attachment');
	const errorsText = await errorsCsv.text();
	expect(errorsText.split('\r\n')[0]).toBe('\ufeffRecord ID,First Name,Last Name,Email,Lifecycle Stage,Create Date,,Row,Problems');
	expect(errorsText).toContain(`e2e-${tag}-3,Cara,Import${tag},cara.${tag}@contoso,customer,2024-03-07,,4,"Email: `);

	// Fix the file and upload it again: the mapping carries over.
	await report.getByRole('link', { name: 'upload the fixed file' }).click();
	await expect(page.getByRole('heading', { name: 'Upload the fixed file' })).toBeVisible();
	await upload(page, `hubspot-contacts-${tag}-fixed.csv`, hubspotContacts(tag, `cara.${tag}@contoso.example`));
	await page.getByRole('button', { name: 'Check the file (dry run)' }).click();
	await expect(report.locator('dl div', { hasText: 'To create' }).locator('dd')).toHaveText('3');
	await expect(report.locator('dl div', { hasText: 'Errors' }).locator('dd')).toHaveText('0');

	await page.getByLabel(/All or nothing/).check();
	await page.getByRole('button', { name: 'Import 3 contacts' }).click();
	const finished = page.getByRole('region', { name: 'Import finished' });
	await expect(finished).toBeVisible();
	await expect(finished.locator('dl div', { hasText: 'Created' }).locator('dd')).toHaveText('3');

	await page.goto(`/w/${demo.slug}/contacts?q=Import${tag}`);
	const rows = page.getByRole('table').locator('tbody tr');
	await expect(rows).toHaveCount(3);
	await expect(rows.filter({ hasText: `cara.${tag}@contoso.example` })).toContainText('Customer');
	await expect(rows.filter({ hasText: `ann.${tag}@northwind.example` })).toContainText('MQL');
});

test('a member cannot open the import page', async ({ page }) => {
	await signIn(page, demo.email('sales'));
	const response = await page.goto(`/w/${demo.slug}/data/import`);
	expect(response?.status()).toBe(403);
	await expect(page.getByText('Only admins and owners can import CSV files.')).toBeVisible();
});
