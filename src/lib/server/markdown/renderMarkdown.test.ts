import { describe, expect, it } from 'vitest';
import { isSafeUrl } from './html';
import { listHeadings, renderPlainMarkdown, renderSection } from './renderMarkdown';
import { sanitize } from './sanitize';

/** Attributes of every tag in the HTML (text content is ignored: it is inert). */
function attributes(html: string): { tag: string; name: string; value: string }[] {
	const found: { tag: string; name: string; value: string }[] = [];
	for (const tag of html.matchAll(/<([a-z][a-z0-9]*)((?:\s+[^\s"'=<>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/?>/gi)) {
		for (const a of tag[2].matchAll(/\s+([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
			found.push({ tag: tag[1].toLowerCase(), name: a[1].toLowerCase(), value: a[2] ?? a[3] ?? a[4] ?? '' });
		}
	}
	return found;
}

/** A URL attribute as the browser reads it: references decoded, whitespace and controls dropped. */
function browserUrl(value: string): string {
	return value
		.replace(/&#x([0-9a-f]+);?/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
		.replace(/&#(\d+);?/g, (_, d) => String.fromCodePoint(Number(d)))
		.replace(/&colon;/gi, ':')
		.replace(/&amp;/g, '&')
		.replace(/[\u0000-\u0020]/g, '');
}

function expectSafe(html: string): void {
	expect(html).not.toMatch(/<script/i);
	expect(html).not.toMatch(/<(svg|iframe|object|embed|style|math|form|base|meta|link)\b/i);
	for (const { tag, name, value } of attributes(html)) {
		expect(name, `<${tag} ${name}>`).not.toMatch(/^on/);
		expect(name, `<${tag} ${name}>`).not.toBe('style');
		if (name === 'href' || name === 'src') {
			expect(browserUrl(value)).not.toMatch(/^(javascript|data|vbscript):/i);
			expect(browserUrl(value)).not.toMatch(/^[/\\]{2}/);
		}
	}
}

const PAYLOADS = [
	'<script>alert(1)</script>',
	'<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
	'<img src=x onerror=alert(1)>',
	'<svg onload=alert(1)><circle/></svg>',
	'<svg><script>alert(1)</script></svg>',
	'<iframe src="https://evil.example"></iframe>',
	'<object data="javascript:alert(1)"></object>',
	'<a href="data:text/html,<script>alert(1)</script>">x</a>',
	'<a href="javascript:alert(1)">x</a>',
	'<div style="background:url(javascript:alert(1))">x</div>',
	'<details open ontoggle=alert(1)>',
	'[x](javascript:alert(1))',
	'[x](JaVaScRiPt:alert(1))',
	'[x]( javascript:alert(1))',
	'[x](<java\tscript:alert(1)>)',
	'[x](&#106;avascript:alert(1))',
	'[x](&#x6A;avascript:alert(1))',
	'[x](&#0000106avascript:alert(1))',
	'[x](javascript&colon;alert(1))',
	'[x](java&#115;cript:alert(1))',
	'[x](vbscript:msgbox(1))',
	'[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
	'[x](//evil.example/phish)',
	'[x][ref]\n\n[ref]: javascript:alert(1)',
	'[x](https://ok.example "\\" onmouseover=alert(1) x=\\"")',
	'![x](javascript:alert(1))',
	'![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
	'<javascript:alert(1)>',
	'<JAVASCRIPT:alert(1)>',
	'<data:text/html,hi>',
	'https://ok.example/"><script>alert(1)</script>',
	'www.example.com/"onmouseover="alert(1)',
	'`<script>alert(1)</script>`',
	'```html\n<script>alert(1)</script>\n```',
	'```"><img src=x onerror=alert(1)>\ncode\n```',
	'# <img src=x onerror=alert(1)> heading',
	'| <script>alert(1)</script> | b |\n|---|---|\n| c | d |'
];

const SIGNAL = (fields: Record<string, string>) =>
	[
		'```signal',
		...Object.entries({
			id: 'xss-test',
			name: 'Name',
			family: 'buying',
			status: 'stable',
			rule: 'count(pricing_visit) >= 3 within 1d',
			means: 'Means',
			action: 'Act',
			...fields
		}).map(([k, v]) => `${k}: ${v}`),
		'```',
		''
	].join('\n');

describe('renderSection and renderPlainMarkdown keep XSS payloads harmless', () => {
	for (const payload of PAYLOADS) {
		it(`neutralises ${JSON.stringify(payload).slice(0, 70)}`, () => {
			expectSafe(renderSection(`Intro\n\n${payload}\n`));
			expectSafe(renderPlainMarkdown(payload));
		});
	}

	it('escapes payloads inside every signal field', () => {
		const html = renderSection(
			SIGNAL({
				name: '<script>alert(1)</script>',
				means: '<img src=x onerror=alert(1)> [x](javascript:alert(1))',
				action: '"><svg onload=alert(1)>',
				rule: 'x"><iframe src=javascript:alert(1)>'
			}),
			{ describeRule: (rule) => ({ words: `words ${rule} <script>alert(2)</script>` }) }
		);
		expectSafe(html);
		expect(html).toContain('class="signal-card ');
		expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
		expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
	});

	it('escapes payloads in an invalid signal block and in rule errors', () => {
		const invalid = renderSection(SIGNAL({ family: '<script>alert(1)</script>', name: '<img src=x onerror=alert(1)>' }));
		expectSafe(invalid);
		expect(invalid).toContain('class="signal-problem"');
		const ruleError = renderSection(SIGNAL({}), { describeRule: () => ({ error: '<svg onload=alert(1)>' }) });
		expectSafe(ruleError);
		expect(ruleError).toContain('This rule cannot be read: &lt;svg onload=alert(1)&gt;');
	});

	it('keeps safe links and images, with rel="noopener noreferrer"', () => {
		const html = renderSection('[a](https://example.com/x?y=1&z=2) [b](/playbook#buying) [c](mailto:team@example.com) <https://auto.example> ![i](https://img.example/p.png "T")');
		expect(html).toContain('<a href="https://example.com/x?y=1&amp;z=2" rel="noopener noreferrer">a</a>');
		expect(html).toContain('<a href="/playbook#buying" rel="noopener noreferrer">b</a>');
		expect(html).toContain('<a href="mailto:team@example.com" rel="noopener noreferrer">c</a>');
		expect(html).toContain('<a href="https://auto.example" rel="noopener noreferrer">https://auto.example</a>');
		expect(html).toContain('<img src="https://img.example/p.png" alt="i" title="T" />');
	});

	it('finds the attributes it checks (the checker itself works)', () => {
		expect(() => expectSafe('<a href="javascript:alert(1)">x</a>')).toThrow();
		expect(() => expectSafe('<a href="&#106;avascript:alert(1)">x</a>')).toThrow();
		expect(() => expectSafe('<img src=x onerror=alert(1)>')).toThrow();
		expect(() => expectSafe('<p>&lt;img src=x onerror=alert(1)&gt; <a title="onclick=x" href="/ok">ok</a></p>')).not.toThrow();
	});

	it('shows raw HTML as text rather than dropping it', () => {
		expect(renderPlainMarkdown('a <b>bold</b> word')).toBe('<p>a &lt;b&gt;bold&lt;/b&gt; word</p>\n');
	});
});

describe('sanitize (the last line of defence on its own)', () => {
	it('strips what the renderer would never produce', () => {
		const html = sanitize(
			'<a href="javascript:alert(1)" onclick="x">a</a><a href="//evil.example">b</a><script>alert(1)</script><svg onload=1></svg>' +
				'<img src="data:image/png;base64,AA" onerror="x"><div class="evil signal-card" style="color:red" id="bad id">d</div>' +
				'<h2 id="ok-id">h</h2><input type="text" value="x"><iframe src="https://x"></iframe>'
		);
		expectSafe(html);
		expect(html).toBe('<a rel="noopener noreferrer">a</a><a rel="noopener noreferrer">b</a><img /><div class="signal-card">d</div><h2 id="ok-id">h</h2><span></span>');
	});
});

describe('isSafeUrl', () => {
	it('allows http, https, mailto and relative URLs only', () => {
		for (const ok of ['https://a.example', 'http://a.example', 'mailto:x@y.z', '/rel', 'rel/x', '#frag', '?q=1', 'a.html?x=http:']) {
			expect(isSafeUrl(ok), ok).toBe(true);
		}
		for (const bad of ['javascript:x', ' JAVASCRIPT:x', 'java\nscript:x', '&#106;avascript:x', 'javascript&colon;x', 'java%73cript:x', 'data:text/html,x', 'vbscript:x', '//evil.example', '\\\\evil.example', 'jav&unknown;ascript:x', 'file:///etc/passwd']) {
			expect(isSafeUrl(bad), bad).toBe(false);
		}
		expect(isSafeUrl('mailto:x@y.z', { allowMailto: false })).toBe(false);
	});
});

describe('renderSection: signal cards', () => {
	const body = [
		'Intro text.',
		'',
		SIGNAL({ id: 'pricing-page-repeat', name: 'Pricing page viewed repeatedly', notify: '[sales, success]', weight: '15', template: 'demo-offer' }),
		'```js',
		'const x = 1;',
		'```'
	].join('\n');

	it('says how many accounts the signal fired on in the last 7 and 30 days', () => {
		const html = renderSection(body, { firedCounts: { 'pricing-page-repeat': { days7: 1, days30: 14 } } });
		expect(html).toContain('<dt>Fired on</dt><dd>1 account in the last 7 days, 14 accounts in the last 30</dd>');
		expect(renderSection(body, { firedCounts: { constructor: { days7: 1, days30: 1 } } })).not.toContain('Fired on');
	});

	it('turns a valid block into a card with badges, rule in words, meaning, action, notify, weight and evidence', () => {
		const html = renderSection(body, {
			describeRule: () => ({ words: 'The pricing page was visited 3 or more times within 1 day.' }),
			evidenceCounts: { 'pricing-page-repeat': 12 }
		});
		expect(html).toContain('<section class="signal-card signal-card--buying signal-card--stable" id="signal-pricing-page-repeat" aria-label="Signal: Pricing page viewed repeatedly">');
		expect(html).toContain('<span class="signal-badge signal-badge--family-buying">Buying</span>');
		expect(html).toContain('<span class="signal-badge signal-badge--status-stable">Stable</span>');
		expect(html).toContain('<dt>When</dt><dd><p class="signal-card__rule-words">The pricing page was visited 3 or more times within 1 day.</p><pre class="signal-card__rule"><code>count(pricing_visit) &gt;= 3 within 1d</code></pre></dd>');
		expect(html).toContain('<dt>It means</dt><dd>Means</dd>');
		expect(html).toContain('<dt>Do this</dt><dd>Act <span class="signal-card__template">Template: <code>demo-offer</code></span></dd>');
		expect(html).toContain('<dt>Notify</dt><dd>Sales, Customer success</dd>');
		expect(html).toContain('<dt>Weight</dt><dd>+15</dd>');
		expect(html).toContain('<dt>Evidence</dt><dd>Seen 12 times</dd>');
		expect(html).toContain('<pre><code class="language-js">const x = 1;\n</code></pre>');
		expect(html).not.toContain('id: pricing-page-repeat');
	});

	it('shows only the raw rule when no describer is given, and no evidence line without counts', () => {
		const html = renderSection(body);
		expect(html).toContain('<dt>When</dt><dd><pre class="signal-card__rule">');
		expect(html).not.toContain('Evidence');
		expect(renderSection(body, { evidenceCounts: { constructor: 1 } })).not.toContain('Evidence');
	});

	it('survives a describer that throws', () => {
		const html = renderSection(body, {
			describeRule: () => {
				throw new Error('boom');
			}
		});
		expect(html).toContain('This rule cannot be read: the rule could not be described');
	});

	it('renders an invalid block as a visible problem box with body line numbers', () => {
		const html = renderSection(`Intro\n\n${SIGNAL({ notify: '[finance]' })}`);
		expect(html).toContain('<aside class="signal-problem" aria-label="Signal xss-test has problems">');
		expect(html).toContain("Signal 'xss-test' (line 11): notify lists 'finance', which is not a department; use sales, marketing, success, support, product or revops.");
		expect(html).toContain('<pre class="signal-problem__source"><code>id: xss-test');
	});

	it('flags a signal block that is never closed', () => {
		const html = renderSection('```signal\nid: a\nname: b\n');
		expect(html).toContain("Signal 'a' (line 1): the block is not closed");
	});

	it('leaves signal blocks as plain code in comments', () => {
		const html = renderPlainMarkdown(SIGNAL({}));
		expect(html).toContain('<pre><code class="language-signal">id: xss-test');
		expect(html).not.toContain('signal-card');
	});
});

describe('headings', () => {
	const body = '# Buying signals\n\n## When to act\n\nText\n\n## When to act\n\n### Ünïcode `code` *em*\n\n```\n# not a heading\n```\n';

	it('gives headings unique ids and lists them for a table of contents', () => {
		expect(listHeadings(body)).toEqual([
			{ depth: 1, text: 'Buying signals', id: 'buying-signals' },
			{ depth: 2, text: 'When to act', id: 'when-to-act' },
			{ depth: 2, text: 'When to act', id: 'when-to-act-1' },
			{ depth: 3, text: 'Ünïcode code em', id: 'unicode-code-em' }
		]);
		const html = renderSection(body);
		for (const h of listHeadings(body)) expect(html).toContain(`<h${h.depth} id="${h.id}">`);
	});

	it('prefixes ids when asked, and keeps non-Latin headings', () => {
		expect(listHeadings('## Цены\n\n## 価格', { idPrefix: 'Buying' }).map((h) => h.id)).toEqual(['buying-цены', 'buying-価格']);
		expect(renderSection('## Цены', { idPrefix: 'buying' })).toContain('<h2 id="buying-цены">Цены</h2>');
	});

	it('does not put ids on headings in comments', () => {
		expect(renderPlainMarkdown('## Title\nline one\nline two')).toBe('<h2>Title</h2>\n<p>line one<br />line two</p>\n');
	});
});
