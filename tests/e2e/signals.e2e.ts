import { expect, test, type Page } from '@playwright/test';
import { demo, signIn } from './session';
import { expectNoSeriousA11yViolations } from './axe';
import { formatDate } from '../../src/lib/domain/format';

/**
 * Opens one of Samuel's customers on which the detractor signal is not firing, taking the list
 * from its start or its end (so two tests do not pick the same account), and returns its name.
 */
async function openCustomerWithoutDetractor(page: Page, from: 'start' | 'end'): Promise<string> {
	const base = `/w/${demo.slug}`;
	await page.goto(`${base}/accounts?lifecycle=customer`);
	const samuel = await page.locator('#f-owner option', { hasText: 'Samuel Mensah' }).getAttribute('value');
	const list = `${base}/accounts?lifecycle=customer&owner=${samuel}`;
	await page.goto(list);
	const links = page.getByRole('table').locator('tbody a');
	const count = await links.count();
	let accountName = '';
	for (let n = 0; n < count; n++) {
		const i = from === 'start' ? n : count - 1 - n;
		await page.goto(list);
		accountName = (await links.nth(i).textContent())!.trim();
		await links.nth(i).click();
		const signals = page.getByRole('region', { name: /^Signals/ });
		await expect(signals.getByRole('status')).toHaveCount(0);
		if ((await signals.getByText('Detractor score in a survey').count()) === 0) break;
	}
	return accountName;
}

/** Logs an NPS answer on the open account (now, or at `when`). */
async function logNpsAnswer(page: Page, summary: string, score: number, when?: Date) {
	await page.getByText('Log an activity').click();
	await page.getByLabel('What happened').selectOption('survey_answered');
	await page.getByLabel('Summary').fill(summary);
	await page.getByLabel('NPS score (survey answers, 0 to 10)').fill(String(score));
	if (when) await page.getByLabel('When (UTC; empty for now)').fill(when.toISOString().slice(0, 16));
	await page.getByRole('button', { name: 'Log activity' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Activity logged' })).toBeVisible();
}

test('a logged detractor answer completes a churn-risk pattern: the owner gets an alert with the evidence, and a task is made', async ({ page }) => {
	// Several page loads and two axe scans of a long account page on a shared 2-core machine.
	test.setTimeout(180_000);
	await signIn(page, demo.email('success'));
	const inboxLink = page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: /^Inbox/ });
	await expect(inboxLink).toHaveText('Inbox');

	// A customer Samuel owns on which the detractor signal is not firing.
	const accountName = await openCustomerWithoutDetractor(page, 'start');
	await logNpsAnswer(page, 'Too many steps to export reports', 2);
	await expect(page.locator('#timeline li.event').first()).toContainText('NPS answer: 2/10');

	// The owner's inbox: an unread alert naming the signal, the account and the template.
	await expect(inboxLink).toHaveAccessibleName(/^Inbox, \d+ unread$/);
	await inboxLink.click();
	await expect(page.getByRole('heading', { name: 'Inbox', level: 1 })).toBeVisible();
	await expectNoSeriousA11yViolations(page);
	const alert = page.locator('li.alert', { hasText: `Detractor score in a survey · ${accountName}` });
	await expect(alert).toHaveCount(1);
	await expect(alert).toContainText('New');
	await expect(alert).toContainText('Follow-up template: detractor-recovery');
	await expect(alert).toContainText('you own this account');

	// Opening it shows the account with the evidence highlighted, and marks it read.
	await alert.getByRole('link', { name: `Detractor score in a survey · ${accountName}` }).click();
	await expect(page.getByRole('heading', { name: 'Alert: Detractor score in a survey' })).toBeVisible();
	await expect(page.getByRole('region', { name: 'Alert: Detractor score in a survey' })).toContainText('detractor-recovery');
	await expect(page.locator('#timeline li.event.highlight')).toContainText('NPS answer: 2/10');
	await expectNoSeriousA11yViolations(page);

	// The playbook's follow-up task is on the account, due in two days, for a success team member.
	const tasks = page.getByRole('region', { name: /^Open tasks/ });
	const task = tasks.getByRole('listitem').filter({ hasText: 'Detractor score in a survey' });
	await expect(task).toHaveCount(1);
	await expect(task).toContainText('detractor-recovery');
	await expect(task).toContainText(`due ${formatDate(new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10))}`);
	expect(await task.textContent()).toMatch(/Samuel Mensah|Aiko Tanaka|Jonah Okafor/);
});

test('an alert whose evidence is older than the newest page of the timeline opens the timeline at the evidence', async ({ page }) => {
	test.setTimeout(180_000);
	await signIn(page, demo.email('success'));
	const base = `/w/${demo.slug}`;
	// Samuel's customers each have well over 50 events in the last 80 days, so an answer logged
	// 80 days ago is not on the timeline's newest page.
	const accountName = await openCustomerWithoutDetractor(page, 'end');
	await logNpsAnswer(page, 'Support took a week to answer', 3, new Date(Date.now() - 80 * 86_400_000));
	await page.goto(`${base}/inbox`);
	const alert = page.locator('li.alert', { hasText: `Detractor score in a survey · ${accountName}` });
	await expect(alert).toHaveCount(1);
	await alert.getByRole('link', { name: `Detractor score in a survey · ${accountName}` }).click();
	const card = page.getByRole('region', { name: 'Alert: Detractor score in a survey' });
	await expect(card).toBeVisible();
	// The timeline starts at the evidence, highlighted, with the way back to the newest events.
	await expect(page.getByRole('link', { name: 'Back to the newest events' })).toBeVisible();
	const highlighted = page.locator('#timeline li.event.highlight');
	await expect(highlighted).toHaveCount(1);
	await expect(highlighted).toContainText('NPS answer: 3/10');
	// The card's link to the event goes to it.
	const evidence = card.getByRole('link', { name: 'Survey answered' });
	const target = (await evidence.getAttribute('href'))!;
	await expect(page.locator(target)).toHaveCount(1);
	await evidence.click();
	await expect(page).toHaveURL(new RegExp(`${target}$`));
	await expect(page.locator(target)).toBeInViewport();
	// Back at the newest events, the alert's card stays (the evidence is further down, not shown).
	await page.getByRole('link', { name: 'Back to the newest events' }).click();
	await expect(page.getByRole('link', { name: 'Back to the newest events' })).toHaveCount(0);
	await expect(highlighted).toHaveCount(0);
	await expect(card).toBeVisible();
});
