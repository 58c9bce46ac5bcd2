import { normalizeDomain as normalizeDomainText } from '../crm/slug';

/**
 * The comparable form of a web domain, or null when nothing domain-like is left:
 * `https://www.Acme.com/pricing` and `acme.com` are the same account. An email address gives its
 * domain (`ann@acme.com` -> `acme.com`), since exports often carry one where a website belongs.
 */
export function normalizeDomain(input: string | null | undefined): string | null {
	if (!input) return null;
	// Repeated until nothing changes, so the result is its own normal form (fast-check found inputs
	// one pass leaves half-done: "$ ." became "$ ", "@://" became "@").
	let domain = input.trim();
	for (let previous: string | null = null; domain !== previous; ) {
		previous = domain;
		const at = domain.lastIndexOf('@');
		if (at >= 0 && !domain.includes('://')) domain = domain.slice(at + 1);
		domain = normalizeDomainText(domain).replace(/\.+$/, '');
	}
	return domain === '' ? null : domain;
}

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export function isValidDomain(domain: string): boolean {
	return DOMAIN.test(domain);
}

/**
 * The comparable form of an email address, or null when the cell is empty: trimmed, lower case,
 * without a `mailto:` prefix or a display name (`Ann Lee <ann@acme.com>`).
 */
export function normalizeEmail(input: string | null | undefined): string | null {
	if (!input) return null;
	let text = input.trim();
	const angle = /<([^<>]+)>\s*$/.exec(text);
	if (angle) text = angle[1].trim();
	text = text.replace(/^mailto:/i, '').toLowerCase();
	return text === '' ? null : text;
}

// Deliberately plain: one @, a non-empty local part without spaces, and a dotted domain.
const EMAIL = /^[^\s@"<>(),;:]+@([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export function isValidEmail(email: string): boolean {
	return email.length <= 254 && EMAIL.test(email);
}
