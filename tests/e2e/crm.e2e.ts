import { expect, test, type Page } from '@playwright/test';
import { demo, signIn } from './session';
import { expectNoSeriousA11yViolations } from './axe';

/** Opens the customer account with the most activity on the first page of the ARR-sorted list. */
async function openBusyAccount(page: Page) {
	await page.goto(`/w/${demo.slug}/accounts?lifecycle=customer&sort=arr`);
	await page.getByRole('table').getByRole('link').first().click();
	await expect(page.getByRole('heading', { name: 'Timeline' })).toBeVisible();
}

const events = (page: Page) => page.locator('#timeline li.event');

test('a member browses accounts, reads and filters a timeline, loads older events and adds a note', async ({ page }) => {
	await signIn(page, demo.email('sales'));
	await expect(page).toHaveURL(new RegExp(`/w/${demo.slug}$`));
	await expectNoSeriousA11yViolations(page);

	await page.getByRole('link', { name: 'Accounts', exact: true }).click();
	await expectNoSeriousA11yViolations(page);
	const rows = page.getByRole('table').locator('tbody tr');
	await expect(rows).toHaveCount(25);
	await page.getByLabel('Lifecycle stage').selectOption('churned');
	await page.getByRole('button', { name: 'Apply' }).click();
	await expect(page).toHaveURL(/lifecycle=churned/);
	for (const badge of await page.getByRole('table').locator('tbody .badge').allTextContents()) expect(badge).toBe('Churned');

	await openBusyAccount(page);
	await expectNoSeriousA11yViolations(page);
	const accountUrl = page.url();
	await expect(events(page)).toHaveCount(50);
	const days = await page.locator('#timeline h3.day').allTextContents();
	expect(days.length).toBeGreaterThan(1);
	expect(new Set(days).size).toBe(days.length);

	// Load older appends the next page in place, continuing strictly older.
	const lastTime = await events(page).last().locator('time').getAttribute('datetime');
	await page.getByRole('link', { name: 'Load older events' }).click();
	await expect(events(page)).toHaveCount(100);
	const next = await events(page).nth(50).locator('time').getAttribute('datetime');
	expect(new Date(next!).getTime()).toBeLessThanOrEqual(new Date(lastTime!).getTime());
	await expect(page).toHaveURL(accountUrl);

	// Filter by department: only that department's events remain.
	await page.getByText('Filter events').click();
	await page.getByLabel('Support', { exact: true }).check();
	await page.getByRole('button', { name: 'Apply filters' }).click();
	await expect(page).toHaveURL(/dept=support/);
	const depts = await page.locator('#timeline li.event .dept').allTextContents();
	expect(depts.length).toBeGreaterThan(0);
	expect(new Set(depts)).toEqual(new Set(['Support']));

	const note = `Renewal call booked ${Date.now()}`;
	await page.getByLabel('Add a note').fill(note);
	await page.getByRole('button', { name: 'Save note' }).press('Enter');
	// The note's paragraph: the textarea of its (closed) edit form holds the same text in the page's HTML.
	const saved = page.locator('p').filter({ hasText: note });
	await expect(saved).toBeVisible();
	// Saved in place: focus is still on the button, not back at the top of the page.
	await expect(page.getByRole('button', { name: 'Save note' })).toBeFocused();
	await page.reload();
	await expect(saved).toBeVisible();
});

test('the timeline pages without JavaScript too', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signIn(page, demo.email('support'));
	await openBusyAccount(page);
	const firstPageIds = await events(page).evaluateAll((els) => els.map((e) => e.id));
	await page.getByRole('link', { name: 'Load older events' }).click();
	await expect(page).toHaveURL(/before=/);
	const olderIds = await events(page).evaluateAll((els) => els.map((e) => e.id));
	expect(olderIds.length).toBeGreaterThan(0);
	expect(olderIds.filter((id) => firstPageIds.includes(id))).toEqual([]);
	await expect(page.getByRole('link', { name: 'Back to the newest events' })).toBeVisible();
	await context.close();
});

test('what a person types before the page has loaded its scripts is kept, and saved', async ({ page }) => {
	await signIn(page, demo.email('sales'));
	// Hold the page's scripts, as a slow connection does, until the name has been typed.
	let release = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**', async (route) => {
		await held;
		await route.continue();
	});
	// Not waiting for DOMContentLoaded: that waits for the page's module scripts.
	await page.goto(`/w/${demo.slug}/accounts/new`, { waitUntil: 'commit' });
	const name = `Typed Early ${Date.now()}`;
	await page.getByLabel('Account name').fill(name);
	await page.getByLabel('Industry').fill('Logistics');
	await expect(page.locator('html[data-hydrated]')).toHaveCount(0);
	release();
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	await expect(page.getByLabel('Account name')).toHaveValue(name);
	await expect(page.getByLabel('Industry')).toHaveValue('Logistics');
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
	await page.unrouteAll({ behavior: 'ignoreErrors' });
});

test('field errors are shown in plain words and nothing is saved', async ({ page }) => {
	await signIn(page, demo.email('sales'));
	await page.goto(`/w/${demo.slug}/accounts/new`);
	await expectNoSeriousA11yViolations(page);
	await page.getByLabel('Web domain').fill('not a domain');
	await page.getByLabel('ARR (USD)').fill('lots');
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByText('Enter the account name.')).toBeVisible();
	await expect(page.getByText('Enter a web domain, like acme.com.')).toBeVisible();
	await expect(page.getByText('Enter ARR as a whole number of dollars, like 12000.')).toBeVisible();
	await expect(page.getByLabel('Account name')).toHaveAttribute('aria-invalid', 'true');

	const name = `Northpole Freight ${Date.now()}`;
	await page.getByLabel('Account name').fill(name);
	await page.getByLabel('Web domain').fill('https://www.northpole-freight.com/about');
	await page.getByLabel('ARR (USD)').fill('24,000');
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
	await expect(page.getByText('northpole-freight.com')).toBeVisible();
	await expect(page.getByText('$24,000')).toBeVisible();
});

test('the contacts list and the pipeline board read well', async ({ page }) => {
	await signIn(page, demo.email('marketing'));
	await page.goto(`/w/${demo.slug}/contacts`);
	await expectNoSeriousA11yViolations(page);
	await expect(page.getByRole('table').locator('tbody tr')).toHaveCount(25);
	await page.goto(`/w/${demo.slug}/deals`);
	await expectNoSeriousA11yViolations(page);
	for (const stage of ['Discovery', 'Qualification', 'Proposal', 'Negotiation', 'Closed won', 'Closed lost']) {
		await expect(page.getByRole('heading', { name: stage })).toBeVisible();
	}
});

test('on a phone-sized screen the menu sits above the page and nothing scrolls sideways', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await signIn(page, demo.email('sales'));
	for (const path of ['accounts', 'contacts']) {
		await page.goto(`/w/${demo.slug}/${path}`);
		await expect(page.getByRole('table')).toBeVisible();
		// The wide table scrolls in its own box; the page itself is no wider than the screen.
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		const menu = await page.getByRole('navigation', { name: 'Workspace' }).boundingBox();
		const heading = await page.getByRole('heading', { level: 1 }).boundingBox();
		expect(menu!.height).toBeLessThan(250);
		expect(heading!.y).toBeLessThan(500);
	}
	await openBusyAccount(page);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('a viewer reads everything but is refused when trying to edit', async ({ page }) => {
	await signIn(page, demo.email('viewer'));
	await expect(page.getByText('You have read-only access to this workspace (viewer).')).toBeVisible();
	await openBusyAccount(page);
	await expect(page.getByRole('link', { name: 'Edit account' })).toHaveCount(0);
	await expect(page.getByLabel('Add a note')).toHaveCount(0);

	const editUrl = `${page.url().split('?')[0]}/edit`;
	const response = await page.goto(editUrl);
	expect(response?.status()).toBe(403);
	await expect(page.getByText('Viewers can read the CRM but not change it.')).toBeVisible();

	// The server refuses the write itself, not just the hidden form.
	const origin = new URL(page.url()).origin;
	const post = await page.request.post(`${editUrl.replace(/\/edit$/, '')}?/addNote`, {
		headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
		data: 'body=sneaky'
	});
	expect(post.status()).toBe(403);
});
