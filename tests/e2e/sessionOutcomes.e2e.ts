import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { demo, openForEveryone, pickAccount, planSession, signIn } from './session';
import { expectNoSeriousA11yViolations } from './axe';

async function answer(page: Page, positiveNote: string, riskNote: string) {
	const spotting = page.getByRole('region', { name: 'Signal spotting challenge' });
	await expect(spotting.getByRole('heading', { name: /^Your account:/ })).toBeVisible();
	await expect(spotting.getByText('Your answer is in.')).toHaveCount(0);
	await spotting.getByLabel('Positive signal').selectOption({ index: 1 });
	await spotting.getByLabel('Why it is positive').fill(positiveNote);
	await spotting.getByLabel('Risk signal').selectOption({ index: 2 });
	await spotting.getByLabel('Why it is a risk').fill(riskNote);
	await spotting.getByRole('button', { name: 'Submit my answer' }).click();
	await expect(spotting.getByText('Your answer is in.')).toBeVisible();
}

test('each signal spotting round stays private until its reveal, and the ended session exports its summary with every round', async ({ browser }) => {
	// Three browsers through a whole session, two spotting rounds included, on a shared machine.
	test.slow();
	const facilitator = await (await browser.newContext({ acceptDownloads: true })).newPage();
	await signIn(facilitator, demo.email('facilitator'));
	const title = `Spotting practice ${Date.now()}`;
	const objective = `Spotting churn signals in onboarding ${Date.now()}`;
	const url = await planSession(facilitator, title, objective);

	const seller = await (await browser.newContext()).newPage();
	await signIn(seller, demo.email('sales'));
	await seller.goto(url);
	const support = await (await browser.newContext()).newPage();
	await signIn(support, demo.email('support'));
	// Every socket frame support receives, to check the seller's answer never reaches it before the reveal.
	const supportFrames: string[] = [];
	support.on('websocket', (ws) => ws.on('framereceived', (frame) => supportFrames.push(String(frame.payload))));
	await support.goto(url);
	await expect(facilitator.getByRole('region', { name: 'Who is here' })).toContainText('Tomás Silva · Support');
	await expect(facilitator.getByRole('region', { name: 'Who is here' })).toContainText('Diego Alvarez · Sales');
	await facilitator.getByRole('button', { name: 'Start the session' }).click();

	// The facilitator finds two accounts (by keyboard, then by mouse) and deals one to each participant present.
	await pickAccount(facilitator, 'Accounts to deal', 'a');
	await pickAccount(facilitator, 'Accounts to deal', 'e', 'mouse');
	await expect(facilitator.getByRole('list', { name: 'Accounts to deal: chosen' }).getByRole('listitem')).toHaveCount(2);
	await expect(facilitator.getByRole('list', { name: 'Who gets which account' }).getByRole('listitem')).toHaveCount(2);
	await expectNoSeriousA11yViolations(facilitator);
	await facilitator.getByRole('button', { name: 'Deal to 2 participants' }).click();

	const sellerNote = `Seller sees expansion ${Date.now()}`;
	const supportNote = `Support sees escalation ${Date.now()}`;
	await answer(seller, sellerNote, 'Seller risk note');
	await expectNoSeriousA11yViolations(seller);
	// Support sees that the seller answered, never what.
	const supportRound = support.getByRole('list', { name: 'Who has answered' });
	await expect(supportRound.getByRole('listitem').filter({ hasText: 'Diego Alvarez' })).toContainText('Answered');
	await answer(support, supportNote, 'Support risk note');
	await expect(facilitator.getByRole('list', { name: 'Who has answered' }).getByText('Answered')).toHaveCount(2);
	await expect(support.getByText(sellerNote)).toHaveCount(0);
	await expect(seller.getByText(supportNote)).toHaveCount(0);
	await expect(facilitator.getByText(sellerNote)).toHaveCount(0);

	expect(supportFrames.length).toBeGreaterThan(0);
	expect(supportFrames.filter((f) => f.includes(sellerNote))).toEqual([]);
	await facilitator.getByRole('button', { name: 'Reveal all answers' }).click();
	for (const page of [facilitator, seller, support]) {
		await expect(page.getByRole('article', { name: 'Answer of Diego Alvarez' })).toContainText(sellerNote);
		await expect(page.getByRole('article', { name: 'Answer of Tomás Silva' })).toContainText(supportNote);
	}
	expect(supportFrames.some((f) => f.includes(sellerNote))).toBe(true);
	await expectNoSeriousA11yViolations(support);

	// A second round in the next agenda item: sealed on its own, the first stays to read.
	await facilitator.getByRole('button', { name: 'Next item' }).click();
	await expect(facilitator.getByRole('heading', { name: 'Deal round 2' })).toBeVisible();
	await pickAccount(facilitator, 'Accounts to deal', 'o');
	await pickAccount(facilitator, 'Accounts to deal', 'i');
	await facilitator.getByRole('button', { name: 'Deal to 2 participants' }).click();
	await expect(support.getByRole('heading', { name: /^Round 2: Walk a customer journey together/ })).toBeVisible();
	const sellerSecond = `Seller round two ${Date.now()}`;
	const supportSecond = `Support round two ${Date.now()}`;
	await answer(seller, sellerSecond, 'Seller second risk');
	await expect(support.getByRole('list', { name: 'Who has answered' }).getByRole('listitem').filter({ hasText: 'Diego Alvarez' })).toContainText('Answered');
	expect(supportFrames.filter((f) => f.includes(sellerSecond))).toEqual([]);
	await answer(support, supportSecond, 'Support second risk');
	await expect(facilitator.getByRole('list', { name: 'Who has answered' }).getByText('Answered')).toHaveCount(2);
	await expect(facilitator.getByText(sellerSecond)).toHaveCount(0);
	expect(supportFrames.filter((f) => f.includes(sellerSecond))).toEqual([]);
	// Round 1 can still be read while round 2 is sealed.
	await support.getByText(/^Round 1: Why we are here/).click();
	await expect(support.locator('details[open]').getByRole('article', { name: 'Answer of Diego Alvarez' })).toContainText(sellerNote);
	await facilitator.getByRole('button', { name: 'Reveal all answers' }).click();
	for (const page of [facilitator, seller, support]) {
		await expect(page.getByRole('article', { name: 'Answer of Diego Alvarez' }).filter({ hasText: sellerSecond })).toBeVisible();
		await expect(page.getByRole('article', { name: 'Answer of Tomás Silva' }).filter({ hasText: supportSecond })).toBeVisible();
	}
	expect(supportFrames.some((f) => f.includes(sellerSecond))).toBe(true);

	// A tag, then a playbook change with it as evidence, an action item and a win.
	await openForEveryone(facilitator);
	const event = seller.locator('li[id^="walk-"]').first();
	await event.getByRole('button', { name: 'Tag' }).click();
	await event.getByLabel('Signal').selectOption({ index: 1 });
	await event.getByLabel('Risk').check();
	await event.getByLabel('What it means here').fill('Usage dropped after onboarding');
	await event.getByRole('button', { name: 'Add tag' }).click();
	await expect(facilitator.getByRole('region', { name: 'Signal analysis' })).toContainText('Sales');

	const changeText = `Flag usage drops in the first month ${Date.now()}`;
	await facilitator.getByLabel('Change the team agreed').fill(changeText);
	await facilitator.getByRole('group', { name: /Evidence/ }).getByRole('checkbox').first().check();
	await facilitator.getByRole('button', { name: 'Agree playbook change' }).click();
	await expect(seller.getByText(changeText)).toBeVisible();
	await expect(seller.getByText('1 tagged event as evidence')).toBeVisible();

	const action = `Call the champion about the usage drop ${Date.now()}`;
	await seller.getByLabel('Action', { exact: true }).fill(action);
	await seller.getByLabel('Due').fill('2030-01-15');
	await seller.getByRole('button', { name: 'Add action item' }).click();
	await expect(facilitator.getByText(action)).toBeVisible();

	const win = `Saved the renewal after the champion call ${Date.now()}`;
	await seller.getByLabel('What the signal led to').fill(win);
	await seller.getByRole('button', { name: 'Record win' }).click();
	await expect(facilitator.getByText(win)).toBeVisible();

	await expect(facilitator.getByRole('group', { name: 'Facilitator controls' })).toBeVisible();
	await expect(facilitator.getByLabel('Find an account to walk through')).toBeVisible();
	facilitator.once('dialog', (dialog) => void dialog.accept());
	await facilitator.getByRole('button', { name: 'End session' }).click();
	// The ended session's page offers nothing to steer any more, and stays accessible.
	await expect(facilitator.getByRole('link', { name: 'Read the summary' })).toBeVisible();
	await expect(facilitator.getByRole('group', { name: 'Facilitator controls' })).toHaveCount(0);
	await expect(facilitator.getByLabel('Find an account to walk through')).toHaveCount(0);
	await expectNoSeriousA11yViolations(facilitator);
	await facilitator.getByRole('link', { name: 'Read the summary' }).click();
	await expect(facilitator.getByRole('heading', { level: 1 })).toContainText(title);
	await expect(facilitator.getByText(objective)).toBeVisible();
	await expect(facilitator.getByRole('region', { name: 'Action items' })).toContainText(action);
	// Both rounds, each with its accounts and both answers side by side.
	const round1 = facilitator.getByRole('region', { name: /^Round 1: Why we are here/ });
	const round2 = facilitator.getByRole('region', { name: /^Round 2: Walk a customer journey together/ });
	await expect(round1.getByRole('article', { name: 'Answer of Diego Alvarez' })).toContainText(sellerNote);
	await expect(round1.getByRole('article', { name: 'Answer of Tomás Silva' })).toContainText(supportNote);
	await expect(round2.getByRole('article', { name: 'Answer of Diego Alvarez' })).toContainText(sellerSecond);
	await expect(round2.getByRole('article', { name: 'Answer of Tomás Silva' })).toContainText(supportSecond);
	// Who took part: the three who came, not everyone invited.
	const people = facilitator.getByRole('region', { name: 'Who took part' });
	await expect(people.getByRole('listitem')).toHaveCount(3);
	await expect(people.getByRole('listitem').filter({ hasText: 'Diego Alvarez' })).toContainText('Sales');
	await expect(people.getByRole('listitem').filter({ hasText: 'Tomás Silva' })).toContainText('Support');
	await expect(people.getByRole('listitem').filter({ hasText: 'Jonah Okafor' })).toHaveCount(1);
	await expect(people).toContainText('Invited but did not join:');
	await expect(facilitator.getByText('3 took part')).toBeVisible();
	await expect(facilitator.getByRole('region', { name: 'Playbook proposals' }).getByRole('link')).toContainText(title);
	await expectNoSeriousA11yViolations(facilitator);

	const downloading = facilitator.waitForEvent('download');
	await facilitator.getByRole('link', { name: 'Export as Markdown' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toMatch(/\.md$/);
	const markdown = await readFile((await download.path())!, 'utf8');
	expect(markdown).toContain(objective);
	expect(markdown).toContain(action);
	expect(markdown).toContain('## Missed signals');
	expect(markdown).toContain('**Took part:** 3.');
	expect(markdown).toContain('### Round 1: Why we are here');
	expect(markdown).toContain('### Round 2: Walk a customer journey together');
	for (const note of [sellerNote, supportNote, sellerSecond, supportSecond]) expect(markdown).toContain(note);

	// The past session shows its outcomes in the list, and the win reaches the workspace home.
	await seller.goto(`/w/${demo.slug}/sessions`);
	const row = seller.getByRole('listitem').filter({ has: seller.getByRole('link', { name: title }) });
	await expect(row.getByRole('list', { name: 'Outcomes' })).toContainText('1 action item');
	await expect(row.getByRole('list', { name: 'Outcomes' })).toContainText('1 win');
	await expectNoSeriousA11yViolations(seller);
	await seller.goto(`/w/${demo.slug}`);
	await expect(seller.getByRole('region', { name: 'Recent signal wins' })).toContainText(win);
	await expectNoSeriousA11yViolations(seller);
});
