/**
 * Safe Markdown rendering for the playbook (with signal cards and heading ids) and for comments
 * and proposal reasons. Raw HTML in the Markdown is shown as text, links and images keep only
 * safe URLs, and the final HTML always goes through the sanitizer's allow-list.
 */
import { Marked, type RendererObject, type Token, type Tokens } from 'marked';
import { findSignalBlocks } from '../../domain/playbook/signalBlock';
import { escapeHtml, isSafeUrl } from './html';
import { sanitize } from './sanitize';
import { renderSignalCard, type BlockPlace, type SignalCardOptions } from './signalCard';

export type { DescribeRule } from './signalCard';

export interface RenderSectionOptions extends SignalCardOptions {
	/** Put in front of heading ids ("pricing" -> "buying-pricing") when several sections share a page. */
	idPrefix?: string;
}

export interface Heading {
	depth: number;
	text: string;
	id: string;
}

/** Plain text of inline tokens: what a heading says without its Markdown. */
function plainText(tokens: Token[] | undefined): string {
	return (tokens ?? [])
		.map((t) => {
			if ('tokens' in t && Array.isArray(t.tokens) && t.tokens.length) return plainText(t.tokens);
			if (t.type === 'html' || t.type === 'tag') return '';
			if (t.type === 'br') return ' ';
			return 'text' in t && typeof t.text === 'string' ? t.text : '';
		})
		.join('');
}

function headingSlug(text: string): string {
	return (
		text
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^\p{L}\p{N}]+/gu, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 80)
			.replace(/-+$/, '') || 'section'
	);
}

/** Heading ids in document order, unique within the body ("faq", "faq-1", ...). */
function assignHeadingIds(marked: Marked, tokens: Token[], prefix: string): Map<Token, Heading> {
	const ids = new Map<Token, Heading>();
	const used = new Set<string>();
	const base = prefix ? `${headingSlug(prefix)}-` : '';
	marked.walkTokens(tokens, (token) => {
		if (token.type !== 'heading') return;
		const text = plainText((token as Tokens.Heading).tokens).replace(/\s+/g, ' ').trim();
		const slug = base + headingSlug(text);
		let id = slug;
		for (let n = 1; used.has(id); n++) id = `${slug}-${n}`;
		used.add(id);
		ids.set(token, { depth: (token as Tokens.Heading).depth, text, id });
	});
	return ids;
}

function safeRenderer(): RendererObject {
	return {
		html(token) {
			const text = escapeHtml(token.text);
			return 'block' in token && token.block ? `<p>${text.replace(/\n+$/, '')}</p>\n` : text;
		},
		link(token) {
			const inner = this.parser.parseInline(token.tokens);
			if (!isSafeUrl(token.href)) return inner;
			const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
			return `<a href="${escapeHtml(token.href)}"${title}>${inner}</a>`;
		},
		image(token) {
			if (!isSafeUrl(token.href, { allowMailto: false })) return escapeHtml(token.text);
			const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
			return `<img src="${escapeHtml(token.href)}" alt="${escapeHtml(token.text)}"${title}>`;
		},
		code(token) {
			const lang = (token.lang ?? '').split(/\s+/)[0];
			const cls = /^[\w+#.-]+$/.test(lang) ? ` class="language-${escapeHtml(lang)}"` : '';
			const text = token.text.endsWith('\n') ? token.text : `${token.text}\n`;
			return `<pre><code${cls}>${escapeHtml(text)}</code></pre>\n`;
		}
	};
}

function newMarked(breaks: boolean): Marked {
	return new Marked({ gfm: true, breaks, async: false, renderer: safeRenderer() });
}

/** The headings of a section body with the ids `renderSection` gives them, for a table of contents. */
export function listHeadings(body: string, options: { idPrefix?: string } = {}): Heading[] {
	const marked = newMarked(false);
	return [...assignHeadingIds(marked, marked.lexer(body), options.idPrefix ?? '').values()];
}

/** HTML for one playbook section body: signal cards, heading ids, sanitized. */
export function renderSection(body: string, options: RenderSectionOptions = {}): string {
	const marked = newMarked(false);
	const tokens = marked.lexer(body);
	const headings = assignHeadingIds(marked, tokens, options.idPrefix ?? '');
	// Match rendered signal blocks to the blocks found in the body, so problems name body lines.
	const blocks = findSignalBlocks(body).map((b) => ({ ...b, used: false }));
	const placeOf = (text: string): BlockPlace | null => {
		const block = blocks.find((b) => !b.used && b.content.trimEnd() === text.trimEnd());
		if (!block) return null;
		block.used = true;
		return { line: block.line, closed: block.endLine !== null };
	};
	const base = safeRenderer();
	marked.use({
		renderer: {
			heading(token) {
				const heading = headings.get(token);
				const id = heading ? ` id="${escapeHtml(heading.id)}"` : '';
				return `<h${token.depth}${id}>${this.parser.parseInline(token.tokens)}</h${token.depth}>\n`;
			},
			code(token) {
				const lang = (token.lang ?? '').split(/\s+/)[0].toLowerCase();
				if (lang === 'signal') return renderSignalCard(token.text, placeOf(token.text), options);
				return base.code!.call(this, token);
			}
		}
	});
	return sanitize(marked.parser(tokens));
}

/** HTML for comments and proposal reasons: same safety, line breaks kept, no signal cards or heading ids. */
export function renderPlainMarkdown(text: string): string {
	return sanitize(newMarked(true).parse(text, { async: false }));
}
