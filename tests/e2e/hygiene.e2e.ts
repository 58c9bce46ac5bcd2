import { expect, test, type Page } from '@playwright/test';
import { demo, gotoForm, signIn } from './session';
import { expectNoSeriousA11yViolations } from './axe';

const contacts = `/w/${demo.slug}/contacts`;

/** Creates a contact through the form; returns its page URL. */
async function createContact(page: Page, fields: { firstName: string; lastName: string; email: string }) {
	await gotoForm(page, `${contacts}/new`);
	await page.getByLabel('First name').fill(fields.firstName);
	await page.getByLabel('Last name').fill(fields.lastName);
	await page.getByLabel('Email').fill(fields.email);
	await page.getByRole('button', { name: /save|create/i }).click();
	await expect(page).toHaveURL(/\/contacts\/[0-9a-f-]{36}$/);
	return page.url();
}

/** A demo contact with activities and an email: its page URL, names, email and activity count. */
async function findBusyContact(page: Page) {
	await page.goto(contacts);
	const links = await page.getByRole('table').locator('tbody tr a[href*="/contacts/"]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
	for (const href of links) {
		await page.goto(href);
		const count = Number(await page.locator('#activities-h .badge').textContent());
		const email = await page.getByLabel('Email').inputValue();
		if (count > 0 && email)
			return { href, count, email, firstName: await page.getByLabel('First name').inputValue(), lastName: await page.getByLabel('Last name').inputValue() };
	}
	throw new Error('No demo contact with activities on the first page of contacts');
}

test('an admin finds a duplicate pair, merges it taking a field from the loser, and sees the merge in the audit log', async ({ page }) => {
	await signIn(page, demo.email('owner'));
	const busy = await findBusyContact(page);
	const stamp = Date.now().toString(36);
	const dupLast = `Duplicate${stamp}`;
	const dupUrl = await createContact(page, { firstName: 'Dup', lastName: dupLast, email: busy.email.toUpperCase() });
	const survivorId = dupUrl.split('/').at(-1)!;

	await page.goto(`/w/${demo.slug}/data/hygiene`);
	await expect(page.getByRole('heading', { name: 'Data hygiene', level: 1 })).toBeVisible();
	await expectNoSeriousA11yViolations(page);
	const pair = page.getByRole('table', { name: 'Duplicate contact candidates' }).getByRole('row').filter({ hasText: dupLast });
	await expect(pair).toContainText('Same email');
	await pair.getByRole('link', { name: /Review and merge/ }).click();

	await expect(page.getByRole('heading', { name: 'Merge two contacts' })).toBeVisible();
	await expectNoSeriousA11yViolations(page);
	// Keep the new record; take the first name from the demo contact that goes.
	await page.getByRole('radio', { name: `Keep Dup ${dupLast}` }).check();
	await page.getByRole('row', { name: /^First name/ }).getByRole('radio', { name: busy.firstName, exact: true }).check();
	await page.getByRole('button', { name: /^Merge into/ }).click();

	await expect(page).toHaveURL(new RegExp(`/contacts/${survivorId}\\?merged=1$`));
	await expect(page.getByRole('status')).toContainText('Merged');
	await expect(page.getByLabel('First name')).toHaveValue(busy.firstName);
	await expect(page.getByLabel('Last name')).toHaveValue(dupLast);
	await expect(page.locator('#activities-h .badge')).toHaveText(String(busy.count));
	// The merged-away record is gone.
	expect((await page.goto(busy.href))?.status()).toBe(404);

	await gotoForm(page, `/w/${demo.slug}/data/audit`);
	await page.getByLabel('Action').selectOption('record.merge');
	await page.getByRole('button', { name: 'Filter' }).click();
	await expect(page).toHaveURL(/action=record\.merge/);
	const entry = page.getByRole('row').filter({ hasText: `into Dup ${dupLast}` });
	await expect(entry).toContainText(`Merged contact ${busy.firstName} ${busy.lastName}`);
	await expect(entry).toContainText('Maya Lindqvist');
	await expectNoSeriousA11yViolations(page);
});

test('an admin erases a contact after typing their name, and the erasure is audited', async ({ page }) => {
	await signIn(page, demo.email('owner'));
	const last = `Erasable${Date.now().toString(36)}`;
	await createContact(page, { firstName: 'Erin', lastName: last, email: `erin.${last.toLowerCase()}@example.com` });
	await page.getByRole('link', { name: 'Erase this contact…' }).click();
	await expect(page.getByRole('heading', { name: `Erase Erin ${last}` })).toBeVisible();
	await expectNoSeriousA11yViolations(page);

	const confirm = page.getByLabel(/to confirm/);
	await confirm.fill('Erin');
	await page.getByRole('button', { name: 'Erase this contact' }).click();
	await expect(page.getByText('Type the contact’s full name or email exactly as shown')).toBeVisible();
	await page.getByLabel(/to confirm/).fill(`erin ${last}`);
	await page.getByRole('button', { name: 'Erase this contact' }).click();

	await expect(page).toHaveURL(/\/contacts\?erased=1$/);
	await expect(page.getByRole('status')).toContainText('The contact was erased');
	await page.getByLabel('Search name or email').fill(last);
	await page.getByRole('button', { name: 'Apply' }).click();
	await expect(page.getByRole('table').getByText(last)).toHaveCount(0);

	await page.goto(`/w/${demo.slug}/data/audit?action=contact.erase`);
	await expect(page.getByRole('row').filter({ hasText: 'Erased a contact’s personal data' }).first()).toBeVisible();
});

test('members cannot open the hygiene, merge or audit pages', async ({ page }) => {
	await signIn(page, demo.email('sales'));
	for (const path of ['data/hygiene', 'data/audit']) {
		const response = await page.goto(`/w/${demo.slug}/${path}`);
		expect(response?.status()).toBe(403);
	}
});
