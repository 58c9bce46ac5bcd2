/**
 * The one allow-list every rendered Markdown passes through: ordinary Markdown elements, the
 * signal card's classes, http/https/mailto/relative links only, no style, no event handlers.
 */
import sanitizeHtml from 'sanitize-html';

const ID = /^[\p{L}\p{N}][\p{L}\p{N}-]*$/u;

const CARD_CLASSES = ['signal-card', 'signal-card--*', 'signal-card__*', 'signal-badge', 'signal-badge--*', 'signal-problem', 'signal-problem__*'];

const OPTIONS: sanitizeHtml.IOptions = {
	allowedTags: [
		'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code', 'em', 'strong', 'del', 's',
		'ul', 'ol', 'li', 'a', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'input',
		'section', 'aside', 'header', 'div', 'span', 'dl', 'dt', 'dd'
	],
	allowedAttributes: {
		a: ['href', 'title', 'rel'],
		img: ['src', 'alt', 'title'],
		th: ['align'],
		td: ['align'],
		ol: ['start'],
		input: ['type', 'checked', 'disabled'],
		h1: ['id'], h2: ['id'], h3: ['id'], h4: ['id'], h5: ['id'], h6: ['id'],
		section: ['id', 'aria-label'],
		aside: ['aria-label']
	},
	allowedClasses: {
		code: ['language-*'],
		section: CARD_CLASSES,
		aside: CARD_CLASSES,
		header: CARD_CLASSES,
		div: CARD_CLASSES,
		p: CARD_CLASSES,
		span: CARD_CLASSES,
		dl: CARD_CLASSES,
		pre: CARD_CLASSES,
		ul: CARD_CLASSES
	},
	allowedSchemes: ['http', 'https', 'mailto'],
	allowedSchemesByTag: { img: ['http', 'https'] },
	allowedSchemesAppliedToAttributes: ['href', 'src'],
	allowProtocolRelative: false,
	disallowedTagsMode: 'discard',
	parseStyleAttributes: false,
	transformTags: {
		'*': (tagName, attribs) => {
			const next = { ...attribs };
			if (next.id !== undefined && !ID.test(next.id)) delete next.id;
			if (tagName === 'a') next.rel = 'noopener noreferrer';
			if (tagName === 'input') {
				if (next.type !== 'checkbox') return { tagName: 'span', attribs: {} };
				next.disabled = '';
			}
			return { tagName, attribs: next };
		}
	}
};

export function sanitize(html: string): string {
	return sanitizeHtml(html, OPTIONS);
}
