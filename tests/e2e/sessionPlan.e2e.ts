import { expect, test } from '@playwright/test';
import { demo, gotoForm, pickAccount, signIn } from './session';
import { expectNoSeriousA11yViolations } from './axe';

test('planning a session: the agenda is edited by keyboard, each item picks its accounts by search, and they come back in the live session', async ({ browser }) => {
	// Many steps, each waiting for the server on a machine shared with other work.
	test.slow();
	const page = await (await browser.newContext()).newPage();
	await signIn(page, demo.email('facilitator'));
	await gotoForm(page, `/w/${demo.slug}/sessions/new`);
	await page.getByLabel('Objective').fill('Spotting churn signals in onboarding');
	await page.getByLabel('Facilitator').selectOption({ label: 'Jonah Okafor' });
	const title = `Planned with accounts ${Date.now()}`;
	await page.getByLabel('Title', { exact: true }).fill(title);
	await expect(page.getByText('5 items · 80 minutes')).toBeVisible();

	// Item 2 gets two accounts by keyboard; the listbox follows the arrow keys.
	const box = page.getByRole('combobox', { name: 'Accounts for item 2' });
	await box.fill('a');
	const options = page.locator(`[id="${await box.getAttribute('aria-controls')}"]`).getByRole('option');
	await expect(options.nth(1)).toBeVisible();
	await box.press('ArrowDown');
	await box.press('ArrowDown');
	await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
	await expect(page.getByRole('status').filter({ hasText: /accounts? found/ }).first()).toBeVisible();
	await expectNoSeriousA11yViolations(page);
	const second = (await options.nth(1).locator('.name').textContent())!;
	await box.press('Enter');
	const chosen = page.getByRole('list', { name: 'Accounts for item 2: chosen' });
	await expect(chosen.getByRole('listitem')).toHaveText([new RegExp(second)]);
	const other = await pickAccount(page, 'Accounts for item 2', 'e');
	await expect(chosen.getByRole('listitem')).toHaveCount(2);
	// Escape closes the list; Backspace in the empty box takes the last account off; × removes one.
	await box.fill('o');
	await expect(box).toHaveAttribute('aria-expanded', 'true');
	await box.press('Escape');
	await expect(box).toHaveAttribute('aria-expanded', 'false');
	await box.fill('');
	await box.press('Backspace');
	await expect(chosen.getByRole('listitem')).toHaveText([new RegExp(second)]);
	await pickAccount(page, 'Accounts for item 2', other.slice(0, 4), 'mouse');
	await chosen.getByRole('button', { name: `Remove ${other}` }).click();
	await expect(chosen.getByRole('listitem')).toHaveCount(1);
	await expect(box).toBeFocused();

	// Reorder, re-time, add and remove items: the accounts move with their item.
	await page.getByRole('button', { name: 'Move item 2 up' }).click();
	await expect(page.getByLabel('Title of item 1')).toHaveValue('Walk a customer journey together');
	await expect(page.getByRole('list', { name: 'Accounts for item 1: chosen' })).toContainText(second);
	await expect(page.getByRole('button', { name: 'Move item 1 down' })).toBeFocused();
	await page.getByLabel('Minutes', { exact: true }).first().fill('25');
	await page.getByRole('button', { name: 'Remove item 4' }).click();
	await page.getByRole('button', { name: 'Add an item' }).click();
	await expect(page.getByLabel('Title of item 5')).toBeFocused();
	await page.getByLabel('Title of item 5').fill('Spotting challenge on the picked account');
	await page.getByLabel('Exercise').nth(4).selectOption({ label: 'Signal spotting challenge' });
	await pickAccount(page, 'Accounts for item 5', second);
	await expect(page.getByText('5 items · 80 minutes')).toBeVisible(); // 25 + 5 + 20 + 20 + 10
	await expectNoSeriousA11yViolations(page);
	await page.getByRole('button', { name: 'Plan session' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(title);

	// Live: the planned accounts are one click away for the item they were planned for.
	await page.getByRole('button', { name: 'Start the session' }).click();
	await expect(page.locator('[aria-current="step"]')).toContainText('Walk a customer journey together');
	await page.getByRole('group', { name: 'Planned for this item' }).getByRole('button', { name: second }).click();
	await expect(page.getByRole('heading', { name: `Timeline walkthrough: ${second}` })).toBeVisible();
	for (const next of ['Why we are here', 'What each team saw', 'Insights, follow-ups', 'Spotting challenge on the picked account']) {
		await page.getByRole('button', { name: 'Next item' }).click();
		await expect(page.locator('[aria-current="step"]')).toContainText(next);
	}
	await expect(page.getByRole('list', { name: 'Accounts to deal: chosen' })).toContainText(second);
});

test('without JavaScript the plan form takes accounts by name or domain, and says which one it cannot find', async ({ browser }) => {
	test.slow();
	const withJs = await (await browser.newContext()).newPage();
	await signIn(withJs, demo.email('facilitator'));
	const found = await withJs.request.get(`/w/${demo.slug}/accounts/search?q=a&limit=2`);
	const [first, second] = ((await found.json()) as { accounts: { name: string; domain: string }[] }).accounts;

	const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
	await signIn(page, demo.email('facilitator'));
	await page.goto(`/w/${demo.slug}/sessions/new`);
	const title = `Planned without JavaScript ${Date.now()}`;
	await page.getByLabel('Title', { exact: true }).fill(title);
	await page.getByLabel('Objective').fill('Reading churn early');
	await page.getByLabel('Facilitator').selectOption({ label: 'Jonah Okafor' });
	await page.getByLabel('Accounts for item 2').fill(`${first.domain}, No Such Account Anywhere`);
	await page.getByRole('button', { name: 'Plan session' }).click();
	await expect(page.getByRole('alert')).toContainText('Agenda item 2: No account is named “No Such Account Anywhere”');
	await expect(page.getByLabel('Title', { exact: true })).toHaveValue(title);
	await expect(page.getByLabel('Accounts for item 2')).toHaveValue(`${first.domain}, No Such Account Anywhere`);
	await page.getByLabel('Accounts for item 2').fill(`${first.domain}, ${second.name.includes(',') ? second.domain : second.name}`);
	await page.getByRole('button', { name: 'Plan session' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(title);

	await withJs.goto(page.url());
	await withJs.getByRole('button', { name: 'Start the session' }).click();
	await withJs.getByRole('button', { name: 'Next item' }).click();
	const planned = withJs.getByRole('group', { name: 'Planned for this item' });
	await expect(planned.getByRole('button')).toHaveText([first.name, second.name]);
});
