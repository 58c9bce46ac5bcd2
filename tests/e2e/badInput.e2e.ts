import { expect, test } from '@playwright/test';
import { demo, signIn } from './session';

// Input no page can use is refused with a message, before any query meets it (it used to be a 500).
test('a NUL character in an address or a form, and a form body that is not form data, get a clear refusal', async ({ page, baseURL }) => {
	await signIn(page, demo.email('owner'));
	// In an address: the page is shown without it.
	await page.goto(`/w/${demo.slug}/accounts?q=%00&sort=name`);
	await expect(page).toHaveURL(new RegExp(`/w/${demo.slug}/accounts\\?q=&sort=name$`));
	await expect(page.getByRole('heading', { name: 'Accounts', level: 1 })).toBeVisible();

	const headers = { origin: baseURL!, accept: 'text/html' };
	const nul = await page.request.post(`/w/${demo.slug}/accounts/new`, { headers, form: { name: 'Acme\u0000', lifecycle: 'lead' } });
	expect(nul.status()).toBe(400);
	expect(await nul.text()).toContain('The field “name” contains the NUL character');
	const plain = await page.request.post(`/w/${demo.slug}/accounts/new`, { headers: { ...headers, 'content-type': 'text/plain' }, data: 'name=Acme' });
	expect(plain.status()).toBe(415);
	expect(await plain.text()).toContain('not text/plain');
	const broken = await page.request.post(`/w/${demo.slug}/accounts/new`, { headers: { ...headers, 'content-type': 'multipart/form-data; boundary=zzz' }, data: 'not multipart' });
	expect(broken.status()).toBe(400);
	expect(await broken.text()).toContain('The form could not be read');

	// The import page's upload start (JSON): a NUL in the file name, or a body that is not an object.
	const upload = (data: unknown) => page.request.post(`/w/${demo.slug}/data/import/uploads`, { headers: { origin: baseURL! }, data });
	const nulName = await upload({ entity: 'accounts', fileName: 'a\u0000.csv', fileSize: 10 });
	expect([nulName.status(), (await nulName.json()).error.field]).toEqual([400, 'fileName']);
	expect((await upload(null)).status()).toBe(400);
	expect((await (await upload([])).json()).error.message).toContain('Send a JSON object');

	// Typed into a form (pasted from a binary file, say): the error page says which field.
	await page.goto(`/w/${demo.slug}/accounts/new`);
	await page.getByLabel('Account name').fill('Acme\u0000Corp');
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByText('The field “name” contains the NUL character')).toBeVisible();

	// The same form with usable input still saves.
	await page.goto(`/w/${demo.slug}/accounts/new`);
	const name = `Clean input ${Date.now()}`;
	await page.getByLabel('Account name').fill(name);
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
});
