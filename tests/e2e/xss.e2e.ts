import { expect, test, type Locator, type Page } from '@playwright/test';
import { demo, signIn } from './session';

// Stored XSS through the playbook: everything people type there (section titles and bodies,
// signal block fields, proposal reasons, review comments) is shown to everyone else in the
// workspace, partly as server-rendered Markdown through {@html}. These tests feed classic payloads
// through the real forms and check, in the browser, on every page where the text shows up, that
// nothing ran and nothing dangerous reached the DOM. The CSP (svelte.config.js) would block most
// of these even if they got through, so the DOM checks are what count; CSP reports are only logged.

const SCRIPT = '<script>window.__xss=1</script>';
const IMG = '<img src=x onerror="window.__xss=1">';
const SVG = '<svg onload="window.__xss=1">';
const ENTITY_A = '<a href="&#106;avascript:window.__xss=1">x</a>';
const IFRAME = '<iframe src="javascript:window.__xss=1">';
const DETAILS = '<details open ontoggle="window.__xss=1">';

/** Raw HTML: must be shown as the literal text, never as elements. */
const RAW_HTML = [SCRIPT, IMG, SVG, ENTITY_A, IFRAME, DETAILS, '</textarea><script>window.__xss=1</script>'];

/** Markdown links to dangerous URLs, keyed by their (unique) link text: at most the text remains. */
const LINKS: Record<string, string> = {
	'js-lower': '[js-lower](javascript:window.__xss=1)',
	'js-mixed': '[js-mixed](JaVaScRiPt:window.__xss=1)',
	'js-angle': '[js-angle](<javascript:window.__xss=1>)',
	'js-space': '[js-space]( javascript:window.__xss=1)',
	'js-entity': '[js-entity](&#106;avascript:window.__xss=1)',
	'js-colon': '[js-colon](javascript&colon;window.__xss=1)',
	'js-ref': '[js-ref][evil]\n\n[evil]: javascript:window.__xss=1',
	'data-b64': '[data-b64](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
	'vb-script': '[vb-script](vbscript:msgbox(1))'
};

/** Autolinks and other Markdown tricks; checked by the DOM rules, not by their text. */
const TRICKS = [
	'<javascript:window.__xss=1>',
	'<JaVaScRiPt:window.__xss=1>',
	'<data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==>',
	'https://example.com/"onmouseover="window.__xss=1',
	'www.example.com/<script>window.__xss=1</script>',
	'![img-js](javascript:window.__xss=1)',
	'![img-quote](x" onerror="window.__xss=1)',
	'[title-quote](https://example.com "a\\" onmouseover=\\"window.__xss=1")',
	'`<script>window.__xss=1</script>`',
	'```"><img src=x onerror="window.__xss=1">\ncode\n```',
	'| <script>window.__xss=1</script> | [js-cell](javascript:window.__xss=1) |\n|---|---|\n| a | b |'
];

/** Payload Markdown, one paragraph per payload so each link text stands alone. */
function payloadMarkdown(): string {
	return [...RAW_HTML, ...Object.values(LINKS), ...TRICKS].join('\n\n');
}

/** A YAML single-quoted scalar: the YAML stays valid whatever the payload holds. */
const yaml = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** A stable signal: valid rule (or it cannot be saved), payloads in name, means and action. */
function stableSignal(id: string, rule = 'count(pricing_visit) >= 3 within 1d'): string {
	return [
		'```signal',
		`id: ${id}`,
		`name: ${yaml(`${SCRIPT} ${id}`)}`,
		'family: buying',
		'status: stable',
		`rule: ${yaml(rule)}`,
		`means: ${yaml(`${IMG} [js-means](javascript:window.__xss=1)`)}`,
		`action: ${yaml(`${SVG} </dd><script>window.__xss=1</script>`)}`,
		// No notify: acknowledgements would land in other tests' inboxes (playbook.e2e.ts counts them).
		'```'
	].join('\n');
}

/** A draft signal: its rule may be unreadable, so the payload goes there too. */
function draftSignal(id: string): string {
	return [
		'```signal',
		`id: ${id}`,
		`name: ${yaml(`${IFRAME} ${id}`)}`,
		'family: churn-risk',
		'status: draft',
		`rule: ${yaml(`${SCRIPT} and ${IMG}`)}`,
		`means: ${yaml(DETAILS)}`,
		`action: ${yaml('[js-action](JaVaScRiPt:window.__xss=1)')}`,
		'```'
	].join('\n');
}

function sectionBody(stamp: string): string {
	return [
		`Marker ${stamp} ${IMG} ${SCRIPT}`,
		'',
		`# ${IMG} heading`,
		'',
		payloadMarkdown(),
		'',
		'## [js-heading](javascript:window.__xss=1) second heading',
		'',
		stableSignal(`xss-stable-${stamp}`),
		'',
		draftSignal(`xss-draft-${stamp}`),
		''
	].join('\n');
}

interface Watch {
	dialogs: string[];
	csp: string[];
	errors: string[];
}

/** Notes a CSP report or page error on the test (shown in the list reporter's output too). */
function note(kind: string, line: string) {
	test.info().annotations.push({ type: kind, description: line });
	console.log(`[xss.e2e] ${kind}: ${line}`);
}

/**
 * Records dialogs (dismissed), CSP violations and page errors for the whole test. CSP reports
 * and page errors are only reported: the CSP is the second line of defence, the DOM checks below
 * are the test.
 */
function watch(page: Page): Watch {
	const seen: Watch = { dialogs: [], csp: [], errors: [] };
	page.on('dialog', (dialog) => {
		seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
		void dialog.dismiss().catch(() => {});
	});
	page.on('console', (message) => {
		if (!/content security policy/i.test(message.text())) return;
		seen.csp.push(message.text());
		note('CSP violation', `${page.url()}: ${message.text()}`);
	});
	page.on('pageerror', (error) => {
		seen.errors.push(error.message);
		note('page error', `${page.url()}: ${error.message}`);
	});
	return seen;
}

/**
 * Everything on the page now that would mean a payload got through: the flag set, a script element
 * from content, an event-handler attribute anywhere, a link or resource with a script or data URL,
 * embedded frames or SVG (the app itself uses none), and images or <details> inside rendered text.
 */
async function expectNoXss(page: Page, seen: Watch, where: string) {
	const findings = await page.evaluate(() => {
		const found: string[] = [];
		const flag = (window as unknown as { __xss?: unknown }).__xss;
		if (flag !== undefined) found.push(`window.__xss is ${String(flag)}`);
		for (const script of Array.from(document.scripts)) {
			const text = script.textContent ?? '';
			// SvelteKit's own boot script carries the page data, payload text included (with < escaped).
			const isKitBoot = text.includes('__sveltekit_');
			if (script.closest('main') || (text.includes('__xss') && !isKitBoot && script.type !== 'application/json'))
				found.push(`script element: ${script.outerHTML.slice(0, 160)}`);
		}
		const urlAttributes = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'srcset']);
		for (const el of Array.from(document.querySelectorAll('*'))) {
			for (const attr of Array.from(el.attributes)) {
				const name = attr.name.toLowerCase();
				if (name.startsWith('on')) found.push(`<${el.localName} ${attr.name}="${attr.value}">`);
				if (name === 'srcdoc') found.push(`<${el.localName} srcdoc>`);
				if (urlAttributes.has(name)) {
					let protocol = '';
					try {
						protocol = new URL(attr.value, location.href).protocol;
					} catch {
						continue;
					}
					if (/^(javascript|data|vbscript):$/i.test(protocol)) found.push(`<${el.localName} ${attr.name}="${attr.value}">`);
				}
			}
		}
		for (const a of Array.from(document.querySelectorAll('a[href^="javascript:" i], a[href^="data:" i]')))
			found.push(`link: ${a.outerHTML.slice(0, 160)}`);
		for (const el of Array.from(document.querySelectorAll('iframe, frame, object, embed, svg, math, base, meta[http-equiv]')))
			found.push(`element: ${el.outerHTML.slice(0, 160)}`);
		for (const el of Array.from(document.querySelectorAll('.prose img, .prose details, .prose form, .prose style, .prose input:not([type="checkbox"])')))
			found.push(`in rendered text: ${el.outerHTML.slice(0, 160)}`);
		return found;
	});
	expect(findings, `XSS on ${where} (${page.url()})`).toEqual([]);
	expect(seen.dialogs, `dialog on ${where}`).toEqual([]);
}

/**
 * Clicks whatever each dangerous link became (plain text, if all is well) and checks that it is
 * not a link, that the page did not navigate and that nothing ran.
 */
async function clickPayloadLinks(page: Page, scope: Locator, seen: Watch, texts: string[], where: string) {
	const url = page.url();
	for (const text of texts) {
		await expect(scope.getByRole('link', { name: text }), `${text} is a link on ${where}`).toHaveCount(0);
		// The smallest element holding the text: a paragraph of its own in bodies and comments, the
		// one-line paragraph in reasons (the reason field is a single-line input).
		const target = scope.getByText(text).first();
		await expect(target, `${text} is missing on ${where}`).toBeVisible();
		await target.click();
		expect(page.url(), `clicking ${text} on ${where} navigated`).toBe(url);
	}
	await expectNoXss(page, seen, `${where}, after clicking the payload links`);
}

/** The literal payload text is on show (escaped, not swallowed). */
async function expectLiteralText(scope: Locator, texts: string[]) {
	for (const text of texts) await expect(scope).toContainText(text);
}

/**
 * Opens the section editor at `formUrl`, fills it and submits it with `button`. Other tests may
 * save the shared demo playbook meanwhile, which makes the edit stale; then it starts again from a
 * fresh form (a few times at most).
 */
async function submitFresh(page: Page, formUrl: string, button: string, fill: () => Promise<void>) {
	for (let attempt = 1; ; attempt++) {
		await page.goto(formUrl);
		const opened = page.url();
		await fill();
		await page.getByRole('button', { name: button }).click();
		await page.waitForURL((url) => url.href !== opened);
		const stale = page.getByRole('alert').filter({ hasText: 'while you were editing' });
		if (attempt === 3 || (await stale.count()) === 0) return;
	}
}

test('payloads in a section title, body and signal blocks saved by a facilitator stay inert everywhere they show', async ({ page }) => {
	const seen = watch(page);
	const stamp = String(Date.now());
	const title = `XSS ${stamp} </title>${SCRIPT}${IMG}`;
	const reason = `XSS check ${stamp} ${SCRIPT} [js-lower](javascript:window.__xss=1)`;
	const body = sectionBody(stamp);
	const playbook = `/w/${demo.slug}/playbook`;

	await signIn(page, demo.email('facilitator'));
	const newSection = (text: string) =>
		submitFresh(page, `${playbook}/new`, 'Add section', async () => {
			await page.getByLabel('Section title').fill(title);
			await page.getByLabel('Text (Markdown)').fill(text);
			await page.getByLabel('Why this change?').fill(reason);
		});

	// A stable signal whose rule is a payload is refused, and the form shows everything back as typed.
	const refused = `${body}\n${stableSignal(`xss-bad-${stamp}`, `${SCRIPT} ${IMG}`)}\n`;
	await newSection(refused);
	await expect(page.getByRole('alert')).toContainText('The playbook cannot be saved like this');
	await expect(page.getByRole('alert')).toContainText(`xss-bad-${stamp}`);
	await expect(page.getByLabel('Text (Markdown)')).toHaveValue(refused);
	await expect(page.getByLabel('Section title')).toHaveValue(title);
	await expectNoXss(page, seen, 'the refused editor form');

	await newSection(body);
	await expect(page).toHaveURL(new RegExp(`${playbook}/xss-${stamp}-`));
	const sectionUrl = page.url();

	// The section page (server-rendered).
	const prose = page.locator('article .prose');
	await expect(page.getByRole('heading', { level: 1 }).first()).toHaveText(title);
	await expect(page).toHaveTitle(new RegExp(`^XSS ${stamp} </title><script>`));
	await expectNoXss(page, seen, 'the section page');
	await expectLiteralText(prose, [...RAW_HTML, `Marker ${stamp}`]);
	const stable = prose.getByRole('region', { name: `Signal: ${SCRIPT} xss-stable-${stamp}` });
	await expect(stable).toBeVisible();
	await expectLiteralText(stable, [IMG, '[js-means](javascript:window.__xss=1)', SVG, '</dd><script>window.__xss=1</script>', 'at least 3 pricing page visits within 1 day']);
	const draft = prose.getByRole('region', { name: `Signal: ${IFRAME} xss-draft-${stamp}` });
	await expectLiteralText(draft, ['This rule cannot be read', `${SCRIPT} and ${IMG}`, DETAILS, '[js-action](JaVaScRiPt:window.__xss=1)']);
	await expect(page.getByRole('complementary', { name: 'On this page' })).toContainText('second heading');
	await clickPayloadLinks(page, prose, seen, [...Object.keys(LINKS), 'js-cell'], 'the section page');

	// The editor shows the stored text back exactly (no breaking out of the textarea).
	await page.goto(`${sectionUrl}/edit`);
	await expect(page.getByLabel('Text (Markdown)')).toHaveValue(body);
	await expect(page.getByLabel('Section title')).toHaveValue(title);
	await expectNoXss(page, seen, 'the edit page');

	// Search results: the query is echoed, the snippet is body text, the title is a link.
	await page.goto(`${playbook}?q=${encodeURIComponent(`${stamp} ${IMG}`)}`);
	const results = page.getByRole('region', { name: /match/ });
	await expect(results.getByRole('heading')).toContainText(`1 section match “${stamp} ${IMG}”`);
	await expect(results.getByRole('link', { name: title })).toBeVisible();
	await expect(results).toContainText(`Marker ${stamp} ${IMG} ${SCRIPT}`);
	await expect(page.getByRole('searchbox')).toHaveValue(`${stamp} ${IMG}`);
	await expectNoXss(page, seen, 'the search results');

	// The same section rendered in the browser after a client-side navigation.
	await results.getByRole('link', { name: title }).click();
	await expect(page).toHaveURL(sectionUrl);
	await expect(prose.getByRole('region', { name: `Signal: ${SCRIPT} xss-stable-${stamp}` })).toBeVisible();
	await expectNoXss(page, seen, 'the section page after client-side navigation');
	await expectLiteralText(prose, RAW_HTML);
	await clickPayloadLinks(page, prose, seen, ['js-lower', 'js-angle', 'data-b64'], 'the section page after client-side navigation');

	// History lists the reason; the compare page shows the title, every body line and the signals.
	await page.goto(`${playbook}/history`);
	const row = page.getByRole('row').filter({ hasText: `XSS check ${stamp}` });
	await expect(row).toContainText(reason);
	await expectNoXss(page, seen, 'the history page');
	await row.getByRole('link', { name: 'Changes' }).click();
	await expect(page).toHaveURL(/\/history\/compare\?/);
	const diff = page.getByRole('region', { name: `Changes in ${title}` });
	await expect(diff).toBeVisible();
	await expectLiteralText(diff, [...RAW_HTML, LINKS['data-b64'], `name: '${SCRIPT} xss-stable-${stamp}'`, `rule: '${SCRIPT} and ${IMG}'`]);
	await expect(diff).toContainText(`${SCRIPT} xss-stable-${stamp}: signal added`);
	await expect(page.locator('main')).toContainText(reason);
	await expectNoXss(page, seen, 'the history compare page');

	// The stable signal (same rule as the demo's pricing-page-repeat) fires on the busiest customer:
	// the account page lists it and marks its evidence on the timeline.
	await page.goto(`/w/${demo.slug}/accounts?lifecycle=customer&sort=arr`);
	await page.getByRole('table').getByRole('link').first().click();
	const fired = page.getByRole('region', { name: /^Signals \(\d+\)$/ });
	await expect(fired.getByRole('link', { name: `${SCRIPT} xss-stable-${stamp}` })).toBeVisible();
	await page.getByText('Filter events').click();
	await page.getByLabel('Pricing page visit', { exact: true }).check();
	await page.getByRole('button', { name: 'Apply filters' }).click();
	await expect(page.getByRole('link', { name: `Evidence: ${SCRIPT} xss-stable-${stamp}` }).first()).toBeVisible();
	await expectNoXss(page, seen, 'an account page where the signal fired');

	expect(seen.dialogs, 'a payload opened a dialog').toEqual([]);
});

test('payloads in a member proposal (title, body, reason) and in a review comment stay inert', async ({ page }) => {
	const seen = watch(page);
	const stamp = String(Date.now());
	const title = `XSS ${stamp} ${SVG}${IFRAME}`;
	const proposalTitle = `XSS proposal ${stamp} ${SCRIPT}`;
	// "Why this change?" is a one-line input: the payloads go in side by side, without the tricks that
	// rightly stay links (https, www), so clicking anywhere in the paragraph cannot leave the page.
	const inlineTricks = TRICKS.filter((t) => !t.includes('\n') && !/https:|www\./.test(t));
	const reason = [`Because ${stamp}`, ...RAW_HTML, ...Object.values(LINKS).map((l) => l.split('\n')[0]), ...inlineTricks].join(' ');
	const body = [`Proposed ${stamp} ${DETAILS}`, '', payloadMarkdown(), '', stableSignal(`xss-proposed-${stamp}`), ''].join('\n');

	await signIn(page, demo.email('sales'));
	await submitFresh(page, `/w/${demo.slug}/playbook/new`, 'Propose for review', async () => {
		await expect(page.getByRole('button', { name: 'Add section' })).toHaveCount(0);
		await page.getByLabel('Section title').fill(title);
		await page.getByLabel('Text (Markdown)').fill(body);
		await page.getByLabel('Why this change?').fill(reason);
		await page.getByLabel('Proposal title (when proposing)').fill(proposalTitle);
	});
	await expect(page).toHaveURL(/\/playbook\/proposals\/\d+$/);
	const proposalUrl = page.url();

	// The proposal page: title, reason as Markdown, the diff of the new section.
	await expect(page.getByRole('heading', { level: 1 })).toContainText(proposalTitle);
	await expectNoXss(page, seen, 'the proposal page');
	const why = page.getByRole('region', { name: 'Why' }).locator('.prose');
	await expectLiteralText(why, [`Because ${stamp}`, ...RAW_HTML]);
	const diff = page.getByRole('region', { name: `Changes in ${title}` });
	await expectLiteralText(diff, [`Proposed ${stamp} ${DETAILS}`, ...RAW_HTML, LINKS['js-mixed'], `name: '${SCRIPT} xss-proposed-${stamp}'`]);
	await clickPayloadLinks(page, why, seen, Object.keys(LINKS), 'the proposal reason');

	// A review comment, first rendered in the browser (enhanced form), then by the server.
	const comment = [`Comment ${stamp}`, payloadMarkdown()].join('\n\n');
	await page.getByLabel('Comment').fill(comment);
	await page.getByRole('button', { name: 'Comment', exact: true }).click();
	const review = page.getByRole('region', { name: 'Review' }).getByRole('listitem').filter({ hasText: `Comment ${stamp}` });
	await expect(review).toBeVisible();
	await expectNoXss(page, seen, 'the proposal page after commenting');
	await expectLiteralText(review.locator('.prose'), RAW_HTML);
	await clickPayloadLinks(page, review.locator('.prose'), seen, [...Object.keys(LINKS), 'js-cell'], 'the review comment');

	await page.reload();
	await expect(review).toBeVisible();
	await expectNoXss(page, seen, 'the proposal page reloaded');
	await expectLiteralText(review.locator('.prose'), RAW_HTML);
	await clickPayloadLinks(page, review.locator('.prose'), seen, ['js-lower', 'js-entity', 'data-b64'], 'the review comment reloaded');

	// The proposal list shows the title as text.
	await page.goto(`/w/${demo.slug}/playbook/proposals`);
	await expect(page.getByRole('link', { name: proposalTitle })).toBeVisible();
	await expectNoXss(page, seen, 'the proposal list');

	// Leave the demo workspace tidy: the author closes the proposal.
	await page.goto(proposalUrl);
	await page.getByRole('button', { name: 'Close without merging' }).click();
	await expect(page.getByText('Closed', { exact: true })).toBeVisible();

	expect(seen.dialogs, 'a payload opened a dialog').toEqual([]);
});
