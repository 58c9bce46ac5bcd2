import { expect, test } from '@playwright/test';
import { demo, signIn } from './session';
import { expectNoSeriousA11yViolations } from './axe';

test('a member proposes a change, a facilitator approves and merges it, and a reader sees what changed', async ({ browser }) => {
	const reader = await (await browser.newContext()).newPage();
	await signIn(reader, demo.email('support'));
	await reader.goto(`/w/${demo.slug}/playbook`);
	await expect(reader.getByRole('heading', { name: 'Contents' })).toBeVisible();
	await expectNoSeriousA11yViolations(reader);

	// A seller proposes a lower threshold for the pricing signal.
	const member = await (await browser.newContext()).newPage();
	await signIn(member, demo.email('sales'));
	await member.goto(`/w/${demo.slug}/playbook/buying-signals`);
	await expect(member.getByRole('region', { name: 'Signal: Pricing page viewed again and again' })).toContainText('at least 3 pricing page visits within 1 day');
	await expectNoSeriousA11yViolations(member);
	await member.getByRole('link', { name: 'Propose a change' }).click();
	const body = member.getByLabel('Text (Markdown)');
	await body.fill((await body.inputValue()).replace('count(pricing_visit) >= 3 within 1d', 'count(pricing_visit) >= 2 within 1d'));
	await member.getByLabel('Why this change?').fill('Two visits in a day were enough in **all three** deals we reviewed.');
	const title = `Lower the pricing threshold ${Date.now()}`;
	await member.getByLabel('Proposal title (when proposing)').fill(title);
	await expectNoSeriousA11yViolations(member);
	await member.getByRole('button', { name: 'Propose for review' }).click();
	await expect(member.getByRole('heading', { level: 1 })).toContainText(title);
	await expect(member.getByText('threshold 3 → 2').first()).toBeVisible();
	await expect(member.locator('.reason strong')).toHaveText('all three');
	// Members can comment but not approve their own proposal.
	await expect(member.getByRole('button', { name: 'Approve' })).toHaveCount(0);
	const proposalUrl = member.url();

	// The facilitator reviews and merges.
	const facilitator = await (await browser.newContext()).newPage();
	await signIn(facilitator, demo.email('facilitator'));
	await facilitator.goto(`/w/${demo.slug}/playbook/proposals`);
	await facilitator.getByRole('link', { name: new RegExp(title) }).click();
	await expect(facilitator).toHaveURL(proposalUrl);
	await expectNoSeriousA11yViolations(facilitator);
	await facilitator.getByLabel('Comment').fill('Agreed in Tuesday’s signal review.');
	await facilitator.getByRole('button', { name: 'Approve' }).click();
	await expect(facilitator.getByText('Agreed in Tuesday’s signal review.')).toBeVisible();
	await facilitator.getByRole('button', { name: 'Merge into the playbook' }).click();
	await expect(facilitator).toHaveURL(/\/playbook\/history\/compare\?from=\d+&to=\d+/);
	await expect(facilitator.getByText('threshold 3 → 2').first()).toBeVisible();
	await facilitator.goto(`/w/${demo.slug}/playbook/buying-signals`);
	await expect(facilitator.getByRole('region', { name: 'Signal: Pricing page viewed again and again' })).toContainText('at least 2 pricing page visits within 1 day');

	// The reader comes back: the playbook says what changed since they last read it.
	await reader.goto(`/w/${demo.slug}/playbook`);
	const changed = reader.getByRole('region', { name: /Changed since you last read/ });
	await expect(changed).toContainText('threshold 3 → 2');
	await changed.getByRole('link', { name: 'See the full changes' }).click();
	await expect(reader.getByText('count(pricing_visit) >= 2 within 1d').first()).toBeVisible();
	await expectNoSeriousA11yViolations(reader);
	await reader.goBack();
	await reader.getByRole('button', { name: 'Mark as read' }).click();
	await expect(reader.getByRole('region', { name: /Changed since you last read/ })).toHaveCount(0);

	// The other seller is asked to acknowledge the change to a signal that notifies sales.
	const seller = await (await browser.newContext()).newPage();
	await signIn(seller, demo.email('sales2'));
	await seller.goto(`/w/${demo.slug}/playbook`);
	const acks = seller.getByRole('region', { name: 'Signal changes for your department' });
	await expect(acks).toContainText('Pricing page viewed again and again: threshold 3 → 2');
	await acks.getByRole('button', { name: 'Acknowledge the change to pricing-page-repeat' }).click();
	await expect(seller.getByRole('region', { name: 'Signal changes for your department' })).toHaveCount(0);
});

test('a viewer reads the playbook but cannot propose, and the server refuses a crafted proposal', async ({ page }) => {
	await signIn(page, demo.email('viewer'));
	await page.goto(`/w/${demo.slug}/playbook/churn-risk-signals`);
	await expect(page.getByRole('heading', { level: 1, name: 'Churn risk signals' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Propose a change' })).toHaveCount(0);
	const response = await page.goto(`/w/${demo.slug}/playbook/churn-risk-signals/edit`);
	expect(response?.status()).toBe(403);
	const post = await page.request.post(`/w/${demo.slug}/playbook/churn-risk-signals/edit?/propose`, {
		headers: { origin: new URL(page.url()).origin, 'content-type': 'application/x-www-form-urlencoded' },
		data: 'title=Churn&body=x&reason=y&baseRevision=1'
	});
	expect(post.status()).toBe(403);
});

test('evidence for stable signals is marked on an account timeline', async ({ page }) => {
	await signIn(page, demo.email('success'));
	await page.goto(`/w/${demo.slug}/accounts?lifecycle=customer&sort=arr`);
	await page.getByRole('table').getByRole('link').first().click();
	const signals = page.getByRole('region', { name: /^Signals \(\d+\)$/ });
	await expect(signals.getByRole('link').first()).toBeVisible();
	await page.getByText('Filter events').click();
	await page.getByLabel('Pricing page visit', { exact: true }).check();
	await page.getByRole('button', { name: 'Apply filters' }).click();
	const marked = page.locator('#timeline li.event').filter({ has: page.getByRole('link', { name: 'Evidence: Pricing page viewed again and again' }) });
	await expect(marked.first()).toBeVisible();
	await marked.first().getByRole('link', { name: /^Evidence:/ }).first().click();
	await expect(page).toHaveURL(/\/playbook\/buying-signals#signal-pricing-page-repeat$/);
});
